; SmartBooqing AFAS Setup: Windows installer (NSIS, Unicode). Per-user: no administrator rights needed, which is
; what a bookkeeper without admin rights and a helpdesk in a remote session both need.
;   makensis -DVERSION=0.1.0 -DPAYLOAD=..\..\dist\sbq-setup -DOUTFILE=..\..\dist\sbq-setup-0.1.0-windows-x64.exe installer.nsi
; Optional: -DSIGN_CMD="signtool sign /fd sha256 ..." signs the installer and the uninstaller it writes ("%1" is
; the file); without it both are left unsigned (packaging/README.md, "Signing").
Unicode true
ManifestDPIAware true
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WordFunc.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !error "Define PAYLOAD: the PyInstaller folder dist\sbq-setup"
!endif
!ifndef OUTFILE
  !define OUTFILE "sbq-setup-${VERSION}-windows-x64.exe"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"  ; VIProductVersion wants four numbers; release versions have three
!endif

!define APPNAME "SmartBooqing AFAS Setup"
!define APPKEY "SmartBooqingAFASSetup"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"
; Held by the running wizard (wizard/desktop/single_instance.py); replacing files under it left half a bundle.
!define RUNNING_MUTEX "SmartBooqingAFASSetup.Running"
!define SYNCHRONIZE 0x00100000

Name "${APPNAME}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\${APPKEY}" "InstallDir"
SetCompressor /SOLID lzma
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "SmartBooqing"
VIAddVersionKey /LANG=0 "LegalCopyright" "SmartBooqing"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

!ifdef SIGN_CMD
  ; Run after the installer, and after each uninstaller, is written: both reach users, both must be signed.
  !finalize '${SIGN_CMD} "%1"' = 0
  !uninstfinalize '${SIGN_CMD} "%1"' = 0
!endif

; NSIS's English texts put " Setup" after the name ("Welcome to SmartBooqing AFAS Setup Setup"): ours say it once.
Caption "$(InstallerCaption)"
!define MUI_ABORTWARNING
!define MUI_ABORTWARNING_TEXT "$(AbortWarning)"
!define MUI_WELCOMEPAGE_TITLE "$(WelcomeTitle)"
!define MUI_FINISHPAGE_TITLE "$(FinishTitle)"
!define MUI_FINISHPAGE_RUN "$INSTDIR\sbq-setup.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows picks Dutch on a Dutch system.
!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "English"

; Both names are also removed by name: the other language's may be left from an earlier install.
!define SHORTCUT_NL "SmartBooqing AFAS-koppeling"
!define SHORTCUT_EN "SmartBooqing AFAS Setup"
LangString ShortcutName ${LANG_DUTCH} "${SHORTCUT_NL}"
LangString ShortcutName ${LANG_ENGLISH} "${SHORTCUT_EN}"
LangString ShortcutHelp ${LANG_DUTCH} "Koppel AFAS Profit aan SmartBooqing en controleer de koppeling"
LangString ShortcutHelp ${LANG_ENGLISH} "Connect AFAS Profit to SmartBooqing and check the connection"
LangString AppRunning ${LANG_DUTCH} "SmartBooqing AFAS Setup is nog geopend. Sluit het venster van de wizard en kies dan Opnieuw; Annuleren stopt zonder iets te wijzigen."
LangString AppRunning ${LANG_ENGLISH} "SmartBooqing AFAS Setup is still open. Close the wizard's window, then choose Retry; Cancel stops without changing anything."
LangString InstallerCaption ${LANG_DUTCH} "${APPNAME}-installatie"
LangString InstallerCaption ${LANG_ENGLISH} "${APPNAME} installation"
LangString AbortWarning ${LANG_DUTCH} "Weet u zeker dat u de ${APPNAME}-installatie wilt afsluiten?"
LangString AbortWarning ${LANG_ENGLISH} "Are you sure you want to stop installing ${APPNAME}?"
LangString WelcomeTitle ${LANG_DUTCH} "Welkom bij de ${APPNAME}-installatiewizard"
LangString WelcomeTitle ${LANG_ENGLISH} "Welcome to the installation of ${APPNAME}"
LangString FinishTitle ${LANG_DUTCH} "Voltooien van de ${APPNAME}-installatiewizard"
LangString FinishTitle ${LANG_ENGLISH} "${APPNAME} is installed"
; $0 holds the installed version when these are shown.
LangString NewerInstalled ${LANG_DUTCH} "Versie $0 van SmartBooqing AFAS Setup staat al op deze computer; dit is de oudere versie ${VERSION}. Toch de oudere versie installeren? Uw voortgang en instellingen blijven bewaard."
LangString NewerInstalled ${LANG_ENGLISH} "Version $0 of SmartBooqing AFAS Setup is already installed; this is the older version ${VERSION}. Install the older version anyway? Your progress and settings are kept."

; Refuse to install, upgrade or uninstall while the wizard runs: its files are in use.
!macro REFUSE_WHILE_RUNNING
  retry:
    System::Call 'kernel32::OpenMutexW(i ${SYNCHRONIZE}, i 0, w "${RUNNING_MUTEX}") p .r0'
    IntPtrCmp $0 0 not_running
    System::Call 'kernel32::CloseHandle(p r0)'
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Abort
  not_running:
!macroend

Function .onInit
  !insertmacro REFUSE_WHILE_RUNNING
  ; The same version again repairs; an older one asks first and, when silent, leaves the newer one in place
  ; (exit 3): a stale download or deployment must not quietly take fixes away. To roll back: uninstall, then
  ; install the older version (the user's data survives both).
  ReadRegStr $0 HKCU "${UNINSTKEY}" "DisplayVersion"
  ${If} $0 != ""
    ${VersionCompare} "$0" "${VERSION}" $1
    ${If} $1 == 1
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(NewerInstalled)" /SD IDNO IDYES install_older
      SetErrorLevel 3
      Abort
      install_older:
    ${EndIf}
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro REFUSE_WHILE_RUNNING
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; A previous version's files go first, so no stale module survives an upgrade.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  ; One shortcut: an earlier install in the other language (the user switched Windows' language) named it otherwise.
  Delete "$SMPROGRAMS\${SHORTCUT_NL}.lnk"
  Delete "$SMPROGRAMS\${SHORTCUT_EN}.lnk"
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\sbq-setup.exe" "" "$INSTDIR\sbq-setup.exe" 0 \
    SW_SHOWNORMAL "" "$(ShortcutHelp)"
  WriteRegStr HKCU "Software\${APPKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "SmartBooqing"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\sbq-setup.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ; "Apps & features" shows the size from here (in KB); measured after the files are in place.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; The token stays in Windows Credential Manager and the progress in %LOCALAPPDATA%: removing the program does
  ; not silently delete a customer's connection data.
  ; Both names: the uninstaller may run in another language than the installer did.
  Delete "$SMPROGRAMS\${SHORTCUT_NL}.lnk"
  Delete "$SMPROGRAMS\${SHORTCUT_EN}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\sbq-setup.exe"
  Delete "$INSTDIR\sbq-setup-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPKEY}"
SectionEnd
