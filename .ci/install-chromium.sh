#!/bin/sh
# Installs Debian's chromium for HtmlReportBrowserITCase (the HTML report renders in a real headless browser).
set -e
command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)
