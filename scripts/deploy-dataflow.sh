#!/usr/bin/env bash
# Runs Claimwatch on Google Cloud Dataflow: as a Flex Template (default), or straight from the
# shaded jar with --runner=DataflowRunner (--direct).
#
#   scripts/deploy-dataflow.sh --project=PROJECT --region=REGION --bucket=gs://BUCKET \
#       [--service-account=NAME@PROJECT.iam.gserviceaccount.com] [--image=IMAGE] [--job-name=NAME] \
#       [--direct] [--skip-build] [--dry-run] [-- PIPELINE OPTIONS]
#
# Flex Template (default):
#   1. mvn -Pdataflow package: the shaded jar with the Dataflow runner in it (and Flink and Direct);
#   2. java ... FlexTemplateMetadata: the template's metadata, generated from ClaimwatchOptions by
#      reflection (every option's name, help text from its @Description, whether it is optional);
#   3. gcloud dataflow flex-template build: the container image (--image, default
#      REGION-docker.pkg.dev/PROJECT/claimwatch/claimwatch:latest, an existing Artifact Registry
#      repository) and the template spec gs://BUCKET/templates/claimwatch.json;
#   4. gcloud dataflow flex-template run: a job from that template.
# --direct: steps 1 and `java -jar <jar> --runner=DataflowRunner ...` (the submitting JVM waits for
# the job and prints the run summary).
#
# Temporary files go to gs://BUCKET/temp, staged files to gs://BUCKET/staging. The job runs as
# --service-account (default: the project's Compute Engine default service account). Pipeline
# options after `--` are passed on; --input defaults to gs://BUCKET/input/ and --output to
# gs://BUCKET/output (outputs on Cloud Storage are written in place, not staged). On a Flex Template
# run, Claimwatch's own options become template parameters and any other (Dataflow) option goes to
# --additional-pipeline-options.
#
# --dry-run prints every command, shell-quoted, and runs none of them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

project="" region="" bucket="" service_account="" image="" job_name="" direct=false skip_build=false dry_run=false
pipeline_args=()
while (($#)); do
  case "$1" in
    --project=*) project="${1#*=}" ;;
    --region=*) region="${1#*=}" ;;
    --bucket=*) bucket="${1#*=}" ;;
    --service-account=*) service_account="${1#*=}" ;;
    --image=*) image="${1#*=}" ;;
    --job-name=*) job_name="${1#*=}" ;;
    --direct) direct=true ;;
    --skip-build) skip_build=true ;;
    --dry-run) dry_run=true ;;
    -h|--help) usage ;;
    --) shift; pipeline_args=("$@"); break ;;
    *) echo "unknown option $1 (pipeline options go after --)" >&2; usage ;;
  esac
  shift
done
missing=()
[[ -n "$project" ]] || missing+=("--project=PROJECT")
[[ -n "$region" ]] || missing+=("--region=REGION (e.g. europe-west1)")
[[ -n "$bucket" ]] || missing+=("--bucket=gs://BUCKET")
if ((${#missing[@]})); then
  echo "deploy-dataflow.sh needs ${missing[*]}" >&2
  exit 2
fi
if [[ "$bucket" != gs://* ]]; then
  echo "--bucket must be a gs:// bucket (or a folder in one), not $bucket" >&2
  exit 2
fi
bucket="${bucket%/}"
image="${image:-$region-docker.pkg.dev/$project/claimwatch/claimwatch:latest}"
job_name="${job_name:-claimwatch-$(date -u +%Y%m%d-%H%M%S)}"
has_option "--input" "${pipeline_args[@]}" || pipeline_args+=("--input=$bucket/input/")
has_option "--output" "${pipeline_args[@]}" || pipeline_args+=("--output=$bucket/output")

# The project's version: the first <version> in pipeline/pom.xml, its parent's.
version="$(sed -n 's#.*<version>\([^<]*\)</version>.*#\1#p' "$root/pipeline/pom.xml" | head -n 1)"
jar="$root/pipeline/target/claimwatch-pipeline-bundled-$version.jar"
metadata="$root/pipeline/target/dataflow/metadata.json"
template="$bucket/templates/claimwatch.json"
main_class=io.claimwatch.pipeline.ClaimwatchPipeline

# Prints a command shell-quoted; runs it unless --dry-run.
step() {
  printf '%q ' "$@" | sed 's/ $//'
  echo
  if [[ "$dry_run" == false ]]; then
    "$@"
  fi
}

[[ "$dry_run" == true ]] && echo "# Dry run: these commands would run, in this order"
if [[ "$skip_build" == false ]]; then
  step mvn -B -q -f "$root/pom.xml" -Pdataflow -DskipTests package
fi
if [[ "$dry_run" == false && ! -f "$jar" ]]; then
  echo "no shaded jar at $jar (build without --skip-build)" >&2
  exit 1
fi

if [[ "$direct" == true ]]; then
  direct_args=(--runner=DataflowRunner "--project=$project" "--region=$region"
    "--tempLocation=$bucket/temp" "--stagingLocation=$bucket/staging" "--jobName=$job_name")
  [[ -n "$service_account" ]] && direct_args+=("--serviceAccount=$service_account")
  step java "$JVM_EXIT_ON_OOM" ${CLAIMWATCH_JAVA_OPTS:--Xmx2g} -jar "$jar" "${direct_args[@]}" "${pipeline_args[@]}"
  exit 0
fi

# Template parameters: Claimwatch's own options, as ClaimwatchOptions declares them; any other
# option is a Dataflow/Beam option for --additional-pipeline-options.
own_options=" $(sed -n 's/^ *[A-Za-z<>.]* \(get\|is\)\([A-Z][A-Za-z0-9]*\)();.*/\2/p' \
  "$root/pipeline/src/main/java/io/claimwatch/pipeline/ClaimwatchOptions.java" \
  | sed 's/^./\L&/' | tr '\n' ' ')"
parameters=() additional=()
for arg in "${pipeline_args[@]}"; do
  if [[ "$arg" != --*=* ]]; then
    echo "pipeline options go as --name=value, not $arg" >&2
    exit 2
  fi
  name="${arg%%=*}"
  name="${name#--}"
  if [[ "$own_options" == *" $name "* ]]; then
    parameters+=("${arg#--}")
  else
    additional+=("${arg#--}")
  fi
done
# gcloud splits list flags at commas; a value with a comma (a glob like {a,b}) needs another delimiter.
join_list() {
  local IFS=, joined
  joined="$*"
  if [[ "$(printf '%s' "$*" | tr -cd ',' | wc -c)" -gt $(($# - 1)) ]]; then
    IFS='~'
    joined="^~^$*"
  fi
  printf '%s' "$joined"
}

step java -cp "$jar" io.claimwatch.pipeline.FlexTemplateMetadata "$metadata"
build_args=(gcloud dataflow flex-template build "$template" "--project=$project"
  --sdk-language=JAVA --flex-template-base-image=JAVA17 "--image-gcr-path=$image"
  "--jar=$jar" "--env=FLEX_TEMPLATE_JAVA_MAIN_CLASS=$main_class" "--metadata-file=$metadata")
step "${build_args[@]}"
run_args=(gcloud dataflow flex-template run "$job_name" "--project=$project" "--region=$region"
  "--template-file-gcs-location=$template" "--temp-location=$bucket/temp" "--staging-location=$bucket/staging")
[[ -n "$service_account" ]] && run_args+=("--service-account-email=$service_account")
((${#parameters[@]})) && run_args+=("--parameters=$(join_list "${parameters[@]}")")
((${#additional[@]})) && run_args+=("--additional-pipeline-options=$(join_list "${additional[@]}")")
step "${run_args[@]}"
