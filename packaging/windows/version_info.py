"""The Windows version resource for sbq-setup.exe and sbq-setup-cli.exe, as PyInstaller's `version=` file.

Explorer's Properties > Details, SmartScreen and support tools read it; without it the exe says nothing about who
made it. PyInstaller evaluates this text with its versioninfo classes (VSVersionInfo, FixedFileInfo, ...).
"""

from __future__ import annotations

import re

COMPANY = "SmartBooqing"
PRODUCT = "SmartBooqing AFAS Setup"


def windows_version(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0); a pre-release or dev suffix is dropped ('0.1.0.dev2' -> (0, 1, 0, 0))."""
    release = re.match(r"\d+(?:\.\d+){0,2}", version)  # 1.2.3rc1 / 1.2.3.dev4: the release part only
    if release is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [int(n) for n in release.group(0).split(".")]
    numbers += [0] * (4 - len(numbers))
    if any(n > 0xFFFF for n in numbers):
        raise ValueError(f"version part over 65535: {version!r}")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(version: str, file_description: str, original_filename: str) -> str:
    numbers = windows_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": file_description,
        "FileVersion": version,
        "InternalName": original_filename.removesuffix(".exe"),
        "LegalCopyright": COMPANY,  # ASCII only: PyInstaller versions differ in how they read this file
        "OriginalFilename": original_filename,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"        StringStruct({key!r}, {value!r})" for key, value in strings.items())
    # 0x0409/1200: US English, Unicode; one table is what Explorer shows whatever the system language.
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers!r}, prodvers={numbers!r}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"{table}\n"
        "    ])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),\n"
        "  ],\n"
        ")\n"
    )
