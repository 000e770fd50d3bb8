#!/usr/bin/env bash
# Takes docs/images/receipt.png and docs/images/dashboard.png again: packages the standalone jar, starts it
# with its demo data, adds a few days of feedback and photographs the pages in headless Chromium (Debian's
# chromium and chromium-driver). No other test runs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl standalone -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=ScreenshotsIT -Dfailsafe.failIfNoSpecifiedTests=false -Dheard.screenshots=true
ls -l docs/images/receipt.png docs/images/dashboard.png
