"""Claimwatch nightly batch on Google Cloud Dataflow, scheduled by Airflow.

Runs io.claimwatch.pipeline.NightlyBatch (what scripts/nightly.sh runs) with
BeamRunJavaPipelineOperator, which starts ``java -cp JAR io.claimwatch.pipeline.NightlyBatch
--runner=DataflowRunner --date=... --project=... --region=... --jobName=...`` on the Airflow worker.
That JVM lists and checksums the arrival files under INCOMING, submits the pipeline to Dataflow
with those files named one by one, waits for the job, then replaces the publication-day partitions
under OUTPUT, all on Cloud Storage through Beam's FileSystems, so:

* INCOMING and OUTPUT are gs:// paths: the Dataflow workers read the arrival files and write
  OUTPUT/.nightly-work, the Airflow worker lists, checksums and publishes (see README, "Nightly
  batch", for how a day is replaced on Cloud Storage without a reader seeing half of it);
* JAR is the shaded jar built with the Dataflow runner (``mvn -B -Pdataflow -DskipTests package``),
  on the Airflow worker's disk; the runner stages it to STAGING;
* the Airflow worker's JVM needs Google credentials (Application Default Credentials) to read and
  write the buckets and submit the job; the job's workers run as SERVICE_ACCOUNT, which needs
  roles/dataflow.worker and read/write on the buckets (see README, "Dataflow").

Needs apache-airflow (2.x or 3.x), apache-airflow-providers-apache-beam and
apache-airflow-providers-google (DataflowConfiguration). Each run processes the arrival day that
ended before it (the data interval's start date) and the LOOKBACK days before it, like
``scripts/nightly.sh --date=<that day>``. ``max_active_runs=1`` is the lock: on a local output
NightlyBatch holds OUTPUT/.nightly.lock, but Cloud Storage has no such lock, so two runs on the same
OUTPUT must never overlap. Nights must also run in order: NightlyBatch refuses (exit 2) to re-run a
night older than one already published; recompute past days with ``--backfill=FROM..TO`` instead.

A file of its own, not a second DAG in claimwatch_nightly_dag.py: it needs the Google provider,
which an Airflow running only the Flink variant may lack (an import error would drop both DAGs).
"""
import pendulum

from airflow.providers.apache.beam.operators.beam import BeamRunJavaPipelineOperator
from airflow.providers.google.cloud.operators.dataflow import DataflowConfiguration
from airflow.timetables.interval import CronDataIntervalTimetable

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG

JAR = "/opt/claimwatch/pipeline/target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar"
PROJECT = "claimwatch-prod"
REGION = "europe-west1"
BUCKET = "gs://claimwatch-prod-data"
INCOMING = BUCKET + "/incoming"
OUTPUT = BUCKET + "/nightly"
SERVICE_ACCOUNT = "claimwatch@claimwatch-prod.iam.gserviceaccount.com"
LOOKBACK = 3

with DAG(
    dag_id="claimwatch_nightly_dataflow",
    # An interval timetable: the run at 02:30 UTC covers the day before, on Airflow 2 and 3 alike.
    schedule=CronDataIntervalTimetable("30 2 * * *", timezone="UTC"),
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    tags=["claimwatch"],
) as dag:
    BeamRunJavaPipelineOperator(
        task_id="nightly_batch",
        jar=JAR,
        job_class="io.claimwatch.pipeline.NightlyBatch",
        runner="DataflowRunner",
        pipeline_options={
            "date": "{{ data_interval_start | ds }}",
            "lookback": str(LOOKBACK),
            "incoming": INCOMING,
            "output": OUTPUT,
            "tempLocation": BUCKET + "/temp",
            "stagingLocation": BUCKET + "/staging",
            "maxNumWorkers": "4",
        },
        # Sets --project, --region, --jobName (with a unique suffix) and --serviceAccount.
        dataflow_config=DataflowConfiguration(
            job_name="claimwatch-nightly",
            project_id=PROJECT,
            location=REGION,
            service_account=SERVICE_ACCOUNT,
            # NightlyBatch waits for the job anyway: it publishes the days only once the job is done.
            wait_until_finished=True,
        ),
    )
