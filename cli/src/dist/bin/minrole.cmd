@echo off
rem minrole: the smallest IAM execution role for Java AWS Lambda functions.
rem Needs Java 17 or newer: %JAVA_HOME%\bin\java.exe, else java on the PATH.
rem MINROLE_JAVA_OPTS adds JVM options. JVM messages are turned off: stderr carries only minroles.
setlocal
set "MINROLE_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -Xlog:disable -XX:-PrintWarnings %MINROLE_JAVA_OPTS% -jar "%MINROLE_HOME%\lib\minrole.jar" %*
exit /b %ERRORLEVEL%
