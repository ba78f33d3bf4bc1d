/* Stand-ins for the Windows side of tests/packaging/test_installer_wine.py, built with mingw-w64, run under Wine.
 *
 *   stand_in.exe                 the payload's sbq-setup.exe: writes its working folder and its own path into the
 *                                file named by SBQ_STAND_IN_REPORT (so a test can start the Start-menu shortcut)
 *   stand_in.exe hold NAME       the running wizard: holds the named mutex (as wizard/desktop/single_instance.py
 *                                does), prints "held", and lets go when its stdin closes
 *   stand_in.exe answer BUTTON   the user: waits for a message box, prints its text, presses BUTTON (retry,
 *                                cancel, yes or no)
 *   stand_in.exe page           the user: waits for the installer's window, prints its title and the texts on
 *                                it, presses Cancel
 *   stand_in.exe cred-write T    saves a generic credential T, as keyring does in Windows Credential Manager
 *   stand_in.exe cred-read T     exit 0 when credential T exists, 1 when not
 */
#include <windows.h>
#include <wincred.h>
#include <wchar.h>

static void write_utf8(HANDLE out, const wchar_t *text) {
    char buf[4096];
    DWORD written;
    int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, buf, sizeof buf, NULL, NULL);
    if (n > 1) WriteFile(out, buf, (DWORD)(n - 1), &written, NULL);
    WriteFile(out, "\n", 1, &written, NULL);
}

static int report(void) {
    wchar_t path[MAX_PATH], cwd[MAX_PATH], exe[MAX_PATH];
    if (!GetEnvironmentVariableW(L"SBQ_STAND_IN_REPORT", path, MAX_PATH)) return 3;
    GetCurrentDirectoryW(MAX_PATH, cwd);
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    HANDLE file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) return 4;
    write_utf8(file, cwd);
    write_utf8(file, exe);
    CloseHandle(file);
    return 0;
}

static int hold(const wchar_t *name) {
    /* Not owned, like the wizard's: the installer only asks whether the name exists. */
    HANDLE mutex = CreateMutexW(NULL, FALSE, name);
    if (!mutex) return 5;
    write_utf8(GetStdHandle(STD_OUTPUT_HANDLE), L"held");
    char buf[64];
    DWORD n;
    while (ReadFile(GetStdHandle(STD_INPUT_HANDLE), buf, sizeof buf, &n, NULL) && n) {
    }
    CloseHandle(mutex);
    return 0;
}

static BOOL CALLBACK print_static(HWND child, LPARAM out) {
    wchar_t cls[32], text[2048];
    GetClassNameW(child, cls, 32);
    if (_wcsicmp(cls, L"Static") == 0 && GetWindowTextW(child, text, 2048) > 0) write_utf8((HANDLE)out, text);
    return TRUE;
}

/* NSIS's window: a dialog holding the page area (control 1018) in which each page's own dialog sits. */
#define NSIS_PAGE_AREA 1018

static BOOL CALLBACK print_visible(HWND child, LPARAM out) {
    wchar_t text[2048];
    if (IsWindowVisible(child) && GetWindowTextW(child, text, 2048) > 0) write_utf8((HANDLE)out, text);
    return TRUE;
}

static int page(void) {
    for (int tries = 0; tries < 300; tries++) { /* 30 s */
        HWND window = NULL;
        while ((window = FindWindowExW(NULL, window, L"#32770", NULL)) != NULL) {
            if (IsWindowVisible(window) && GetDlgItem(window, NSIS_PAGE_AREA)) {
                HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
                print_visible(window, (LPARAM)out);
                EnumChildWindows(window, print_visible, (LPARAM)out);
                PostMessageW(window, WM_COMMAND, MAKEWPARAM(IDCANCEL, BN_CLICKED), 0);
                return 0;
            }
        }
        Sleep(100);
    }
    return 6;
}

static int answer(const wchar_t *button) {
    static const struct { const wchar_t *name; int id; } buttons[] = {
        {L"retry", IDRETRY}, {L"cancel", IDCANCEL}, {L"yes", IDYES}, {L"no", IDNO}};
    int id = 0;
    for (unsigned i = 0; i < sizeof buttons / sizeof buttons[0]; i++)
        if (_wcsicmp(button, buttons[i].name) == 0) id = buttons[i].id;
    if (!id) return 2;
    for (int tries = 0; tries < 300; tries++) { /* 30 s */
        /* A message box is a dialog whose text sits in a static control with id 0xFFFF. */
        HWND box = NULL;
        while ((box = FindWindowExW(NULL, box, L"#32770", NULL)) != NULL) {
            if (GetDlgItem(box, 0xFFFF) && !GetDlgItem(box, NSIS_PAGE_AREA)) {
                HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
                print_visible(box, (LPARAM)out); /* its title */
                EnumChildWindows(box, print_static, (LPARAM)out);
                PostMessageW(box, WM_COMMAND, MAKEWPARAM(id, BN_CLICKED), 0);
                return 0;
            }
        }
        Sleep(100);
    }
    return 6;
}

static int cred_write(const wchar_t *target) {
    static wchar_t user[] = L"stand-in";
    static BYTE blob[] = "not-a-real-token";
    CREDENTIALW cred = {0};
    cred.Type = CRED_TYPE_GENERIC;
    cred.TargetName = (LPWSTR)target;
    cred.UserName = user;
    cred.CredentialBlob = blob;
    cred.CredentialBlobSize = sizeof blob - 1;
    cred.Persist = CRED_PERSIST_LOCAL_MACHINE;
    return CredWriteW(&cred, 0) ? 0 : 7;
}

static int cred_read(const wchar_t *target) {
    PCREDENTIALW cred;
    if (!CredReadW(target, CRED_TYPE_GENERIC, 0, &cred)) return 1;
    CredFree(cred);
    return 0;
}

int wmain(int argc, wchar_t **argv) {
    if (argc == 1) return report();
    if (argc == 2 && wcscmp(argv[1], L"page") == 0) return page();
    if (argc == 3 && wcscmp(argv[1], L"hold") == 0) return hold(argv[2]);
    if (argc == 3 && wcscmp(argv[1], L"answer") == 0) return answer(argv[2]);
    if (argc == 3 && wcscmp(argv[1], L"cred-write") == 0) return cred_write(argv[2]);
    if (argc == 3 && wcscmp(argv[1], L"cred-read") == 0) return cred_read(argv[2]);
    return 2;
}
