#!/usr/bin/env bash
# Brings src/InfluenceModel/PublicAPI.Unshipped.txt in line with the code: adds what RS0016 reports as undeclared
# and drops what RS0017 reports as declared but gone. Review the diff: every line is a public-surface decision.
# (dotnet format cannot apply this code fix, since it edits an additional file.)
set -euo pipefail
cd "$(dirname "$0")/.."
# Optional argument: another project directory with its own PublicAPI files (e.g. src/InfluenceModel.Orleans).
dir=${1:-src/InfluenceModel}
project=$dir/$(basename "$dir").csproj
file=$dir/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false -clp:NoSummary >"$log" 2>&1 || true
add=$(grep -oE "RS0016: Symbol '.*' is not part of the declared public API" "$log" | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
drop=$(grep -oE "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" "$log" | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u || true)
{
  echo '#nullable enable'
  { grep -v "^#nullable" "$file" || true; printf "%s\n" "$add"; } | grep -v '^$' | grep -vxF -f <(printf '%s\n' "$drop" | grep -v '^$' || echo '@@none@@') | LC_ALL=C sort -u
} >"$file.new"
mv "$file.new" "$file"
rm -f "$log"
echo "PublicAPI.Unshipped.txt: +$(printf '%s' "$add" | grep -c . || true) -$(printf '%s' "$drop" | grep -c . || true)"
