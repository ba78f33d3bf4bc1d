"""What to do when no password store is found, said for the user's own operating system.

A Windows user must not be told to start a GNOME keyring: each OS gets only its own advice. Used by keyring_errors
when keyring finds no backend (NoKeyringError).
"""

from __future__ import annotations

import platform

from wizard.domain.text import Text

_WINDOWS = Text(
    en="Windows Credential Manager, where the token is kept, cannot be used on this computer. This points to a "
    "damaged installation or a locked-down PC: reinstall the wizard, or ask your IT administrator whether "
    "Credential Manager is allowed. If it keeps happening, contact the SmartBooqing helpdesk.",
    nl="Windows Referentiebeheer, waarin het token wordt bewaard, is op deze computer niet te gebruiken. Dat wijst "
    "op een beschadigde installatie of een afgeschermde pc: installeer de wizard opnieuw, of vraag uw "
    "IT-beheerder of Referentiebeheer is toegestaan. Blijft het gebeuren, neem dan contact op met de "
    "SmartBooqing-helpdesk.",
)
_MACOS = Text(
    en="The macOS Keychain, where the token is kept, cannot be used. This points to a damaged installation: "
    "reinstall the wizard (drag it to Applications again). If it keeps happening, contact the SmartBooqing helpdesk.",
    nl="De macOS-sleutelhanger, waarin het token wordt bewaard, is niet te gebruiken. Dat wijst op een beschadigde "
    "installatie: installeer de wizard opnieuw (sleep hem opnieuw naar Apps). Blijft het gebeuren, neem dan "
    "contact op met de SmartBooqing-helpdesk.",
)
_LINUX = Text(
    en="No secure password store (keyring) was found. Install GNOME Keyring (gnome-keyring) or KWallet, and run the "
    "wizard in a desktop session where it is running and unlocked.",
    nl="Er is geen veilige wachtwoordopslag (sleutelbos) gevonden. Installeer GNOME-sleutelbos (gnome-keyring) of "
    "KWallet, en start de wizard in een bureaubladsessie waarin die draait en ontgrendeld is.",
)


def no_keyring_message(system: str | None = None) -> Text:
    """The "no keyring" advice for `system` (platform.system(): 'Windows', 'Darwin', 'Linux'; default: this one)."""
    name = platform.system() if system is None else system
    if name == "Windows":
        return _WINDOWS
    if name == "Darwin":
        return _MACOS
    return _LINUX
