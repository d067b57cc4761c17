@echo off
rem siyu: checks and tries rule packs. Needs only a Java runtime, 17 or later.
rem Uses JAVA_HOME when it is set, else java.exe on the PATH. JAVA_OPTS passes options to the JVM.
rem Messages about Java are printed in Chinese and English with the console switched to UTF-8 (chcp 65001)
rem for that line only: this file is UTF-8, and its Chinese lines are read only after the switch.
setlocal EnableExtensions DisableDelayedExpansion
set "REQUIRED_JAVA=17"
set "APP_HOME=%~dp0.."

if defined JAVA_HOME goto javaFromJavaHome
set "JAVA_EXE=java.exe"
where java.exe >nul 2>&1
if errorlevel 1 goto noJava
goto checkVersion

:javaFromJavaHome
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if not exist "%JAVA_EXE%" goto noJavaInJavaHome

:checkVersion
rem "java -version" prints, on standard error, e.g. openjdk version "17.0.15" 2025-04-15 or java version "1.8.0_202".
rem "call" first, so that cmd keeps the quotes around a path with spaces.
set "JAVA_VERSION="
for /f "tokens=2,3" %%a in ('call "%JAVA_EXE%" -version 2^>^&1') do (
    if /i "%%a"=="version" if not defined JAVA_VERSION set "JAVA_VERSION=%%~b"
)
if not defined JAVA_VERSION goto unknownVersion
set "JAVA_MAJOR="
set "JAVA_MINOR="
for /f "tokens=1,2 delims=.-_+" %%a in ("%JAVA_VERSION%") do (
    set "JAVA_MAJOR=%%a"
    set "JAVA_MINOR=%%b"
)
rem Up to Java 8 the version was 1.x: 1.8.0 is Java 8.
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=%JAVA_MINOR%"
set "JAVA_MAJOR_NUMBER=0"
set /a "JAVA_MAJOR_NUMBER=JAVA_MAJOR" >nul 2>&1
if %JAVA_MAJOR_NUMBER% LSS %REQUIRED_JAVA% goto oldJava

"%JAVA_EXE%" %JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.siyu.rules.cli.Siyu %*
exit /b %ERRORLEVEL%

:noJava
call :utf8Console
set "WHY_ZH=但没有找到 Java"
set "WHY_EN=but no Java was found"
goto needJava

:noJavaInJavaHome
call :utf8Console
set "WHY_ZH=但 JAVA_HOME 里没有 bin\java.exe：%JAVA_HOME%"
set "WHY_EN=but JAVA_HOME has no bin\java.exe: %JAVA_HOME%"
goto needJava

:unknownVersion
call :utf8Console
set "WHY_ZH=但读不出 %JAVA_EXE% 的版本"
set "WHY_EN=but the version of %JAVA_EXE% could not be read"
goto needJava

:oldJava
call :utf8Console
set "WHY_ZH=但 %JAVA_EXE% 是 Java %JAVA_VERSION%"
set "WHY_EN=but %JAVA_EXE% is Java %JAVA_VERSION%"
goto needJava

:needJava
echo siyu 需要 Java %REQUIRED_JAVA% 或更高版本，%WHY_ZH%：请安装 Java %REQUIRED_JAVA% 或更新的运行环境（例如 Eclipse Temurin %REQUIRED_JAVA%，adoptium.net），或把 JAVA_HOME 设为它的目录。 / siyu needs Java %REQUIRED_JAVA% or later, %WHY_EN%: install a Java %REQUIRED_JAVA% or newer runtime, such as Eclipse Temurin %REQUIRED_JAVA% from adoptium.net, or set JAVA_HOME to it. 1>&2
if defined SIYU_CODEPAGE chcp %SIYU_CODEPAGE% >nul
exit /b 4

:utf8Console
set "SIYU_CODEPAGE="
for /f "tokens=2 delims=:." %%c in ('chcp') do set "SIYU_CODEPAGE=%%c"
if defined SIYU_CODEPAGE set "SIYU_CODEPAGE=%SIYU_CODEPAGE: =%"
chcp 65001 >nul
exit /b 0
