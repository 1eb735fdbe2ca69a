#!/usr/bin/env bash
# Renders the first page of each generated form into docs/forms/*.png (see docs/forms/README.md).
#
# The forms come from realistic records made through the API by the PDF test (tests/Guanjia.Web.Tests/Documents/
# PdfTests.cs) on a throw-away SQLite database; LibreOffice converts them to PDF and pdftoppm renders page 1 at
# 80 dpi. Needs: apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v soffice >/dev/null || command -v libreoffice >/dev/null || { echo "LibreOffice is not installed" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm (poppler-utils) is not installed" >&2; exit 1; }
export GUANJIA_SKIP_WEB=1 GUANJIA_WRITE_FORMS=1 GUANJIA_REQUIRE_LIBREOFFICE=1
dotnet test tests/Guanjia.Web.Tests --filter "FullyQualifiedName~Documents.PdfTests.Each_form_converts_to_pdf_with_libreoffice"
ls -l docs/forms/*.png
