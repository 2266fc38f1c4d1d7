# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest `
    -Uri https://example.com/app.zip `
    -OutFile C:\app.zip
WORKDIR C:\app
CMD C:\app\app.exe
