#!/usr/bin/env bash
# Runs every ```sh block of docs/tutorial.md, in order, as a user would paste them: from a
# fresh work folder holding the project's scenarios/ (so the paths in the tutorial are the
# ones a user types at the project's root), with the ccsim under test first on PATH.
# Fails on the first command that fails. Then checks what the tutorial promises at its end.
#
#   run_tutorial.sh SOURCE_DIR CCSIM_DIR WORK_DIR
set -euo pipefail
source_dir="$1" ccsim_dir="$2" work="$3"

rm -rf "$work"
mkdir -p "$work"
ln -s "$source_dir/scenarios" "$work/scenarios"
script="$work/tutorial-commands.sh"
# The lines between "```sh" and the next "```", every block of the file.
awk '/^```sh$/ {inside = 1; next} /^```$/ {inside = 0; next} inside {print}' "$source_dir/docs/tutorial.md" >"$script"
if [[ ! -s "$script" ]]; then
  echo "run_tutorial: no \`\`\`sh block in docs/tutorial.md" >&2
  exit 1
fi
cd "$work"
export PATH="$ccsim_dir:$PATH"
start=$(date +%s)
bash -euo pipefail -x "$script"
echo "run_tutorial: every command ran in $(( $(date +%s) - start )) s" >&2
