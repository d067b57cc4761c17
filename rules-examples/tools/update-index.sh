#!/bin/sh
# Regenerates packs/index.txt, the list of files ExamplePacks copies out of the classpath.
# Run from anywhere after adding or removing a file under packs/: sh rules-examples/tools/update-index.sh
cd "$(dirname "$0")/../packs" || exit 1
{
  echo "# Files of the example packs, relative to packs/ (ExamplePacks copies these out of the jar)."
  echo "# Regenerate with: sh rules-examples/tools/update-index.sh"
  find . -type f ! -name index.txt | sed 's|^\./||' | LC_ALL=C sort
} > index.txt
