; Aruga's uninstaller: the vault (records, keys, backups in %APPDATA%\Aruga) stays on the computer
; unless the person uninstalling ticks a box that says plainly that it deletes everything.
; Included by electron-builder (nsis.include in electron-builder.yml); the words are in English
; here because this is the installer, not the app.
!include nsDialogs.nsh
!include LogicLib.nsh

!ifdef BUILD_UNINSTALLER
  Var ArugaDeleteDataBox
  Var ArugaDeleteData

  ; Shown after the welcome page; the box starts unticked, and a silent uninstall never shows it.
  !macro customUnWelcomePage
    !insertmacro MUI_UNPAGE_WELCOME
    UninstPage custom un.ArugaDataPage un.ArugaDataPageLeave
  !macroend

  Function un.ArugaDataPage
    StrCpy $ArugaDeleteData ${BST_UNCHECKED}
    nsDialogs::Create 1018
    Pop $0
    ${If} $0 == error
      Abort
    ${EndIf}
    ${NSD_CreateLabel} 0 0 100% 48u "Aruga's records stay on this computer after uninstalling, in $APPDATA\Aruga. If you install Aruga again, they open with the same passwords."
    Pop $0
    ${NSD_CreateCheckbox} 0 56u 100% 30u "Also delete all Aruga records, keys and backups from this computer. They cannot be recovered."
    Pop $ArugaDeleteDataBox
    ${NSD_Uncheck} $ArugaDeleteDataBox
    nsDialogs::Show
  FunctionEnd

  Function un.ArugaDataPageLeave
    ${NSD_GetState} $ArugaDeleteDataBox $ArugaDeleteData
  FunctionEnd

  ; An update runs the old uninstaller too: it never deletes the data folder.
  !macro customUnInstall
    ${If} $ArugaDeleteData == ${BST_CHECKED}
    ${AndIfNot} ${isUpdated}
      SetShellVarContext current
      RMDir /r "$APPDATA\Aruga"
    ${EndIf}
  !macroend
!endif
