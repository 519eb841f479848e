#!/usr/bin/env bash
# Consumes the packages as a user would: restores samples/InfluenceModel.Samples.Console and
# samples/InfluenceModel.Samples.Host against the folder feed artifacts/pkg BY VERSION (not by project reference), with
# an isolated NuGet config and package folder (so a stale InfluenceModel of the same version in ~/.nuget/packages can
# never be used), runs both (each exits 1 on a wrong result), then installs the `influence` tool from the same feed
# into a temporary tool path and runs it. Exits non-zero on the first failure.
# Usage: bash eng/test-package-consumers.sh   (after: dotnet pack src/InfluenceModel.Cli -c Release -o artifacts/pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
feed="$PWD/artifacts/pkg"
version=$(dotnet msbuild src/InfluenceModel/InfluenceModel.csproj -getProperty:Version)
ls "$feed/InfluenceModel.$version.nupkg" >/dev/null || { echo "no InfluenceModel.$version.nupkg in $feed: pack first"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/packages"
# InfluenceModel* only from the local feed; everything else from the machine's cache (as a folder feed) or nuget.org.
cat >"$work/NuGet.Config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local-feed" value="$feed" />
    <add key="machine-cache" value="${NUGET_PACKAGES:-$HOME/.nuget/packages}" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local-feed"><package pattern="InfluenceModel" /><package pattern="InfluenceModel.*" /></packageSource>
    <packageSource key="machine-cache"><package pattern="*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
mkdir -p "${NUGET_PACKAGES:-$HOME/.nuget/packages}"

for sample in InfluenceModel.Samples.Console InfluenceModel.Samples.Host; do
  project="samples/$sample/$sample.csproj"
  echo "--- $sample: restore InfluenceModel $version from $feed"
  dotnet restore "$project" --configfile "$work/NuGet.Config" --packages "$work/packages" -p:InfluenceModelVersion="$version"
  dotnet build "$project" -c Release --no-restore -p:InfluenceModelVersion="$version" -o "$work/bin/$sample"
  grep -q "\"InfluenceModel/$version\"" "samples/$sample/obj/project.assets.json" || { echo "$sample did not restore InfluenceModel $version"; exit 1; }
  echo "--- $sample: run"
  (cd "$work/bin/$sample" && dotnet "$sample.dll")
done

echo "--- influence tool: install InfluenceModel.Cli $version from $feed"
dotnet tool install InfluenceModel.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/NuGet.Config"  # the config maps InfluenceModel.* to the feed
installed=$("$work/tools/influence" --version)
[ "$installed" = "$version" ] || { echo "influence --version printed '$installed', expected $version"; exit 1; }
"$work/tools/influence" community --format csv >/dev/null
echo "package consumers: OK (InfluenceModel $version, console + host samples, influence tool)"
