@echo off
rem nianbao - the command line, started fast (Windows). See the comments in ./nianbao for what it does.
rem   nianbao score [--format json^|csv^|xlsx] PATH...      nianbao rules validate^|test^|list^|diff ...
rem Settings: JAVA_HOME (or java on the PATH); NIANBAO_JAVA_OPTS; NIANBAO_CACHE=off (no class cache).
setlocal
set "HERE=%~dp0"
set "CLI=%HERE%target\cli"
set "JAR=%CLI%\nianbao.jar"
if not exist "%JAR%" (
  echo nianbao: no %JAR% - build it first: mvn -B -DskipTests package 1>&2
  exit /b 1
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "OPTIONS=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xmn16m"
if "%~1"=="serve" (
  set "OPTIONS="
  shift
)
if /i "%NIANBAO_CACHE%"=="off" goto run
set "CACHE=%CLI%\cache"
if not exist "%CACHE%" mkdir "%CACHE%"
rem one archive per jar size: a rebuilt jar gets its own; the JVM itself refuses an archive of another jar or runtime
for %%F in ("%JAR%") do set "SIZE=%%~zF"
set "ARCHIVE=%CACHE%\command-cds-%SIZE%.jsa"
if exist "%ARCHIVE%" (
  set "OPTIONS=%OPTIONS% -XX:SharedArchiveFile=%ARCHIVE% -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
) else (
  set "OPTIONS=%OPTIONS% -XX:ArchiveClassesAtExit=%ARCHIVE% -Xlog:cds=off -Xlog:cds+dynamic=off"
)
:run
"%JAVA%" %OPTIONS% %NIANBAO_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
