"""Claimwatch nightly batch on a Flink session cluster, scheduled by Airflow.

Runs io.claimwatch.pipeline.NightlyBatch (what scripts/nightly.sh runs) with
BeamRunJavaPipelineOperator, which starts ``java -cp JAR io.claimwatch.pipeline.NightlyBatch
--runner=FlinkRunner --date=... --flinkMaster=...`` on the Airflow worker. That JVM submits the
pipeline to the Flink cluster, waits for it, then replaces the publication-day partitions, so:

* the Airflow worker and the Flink TaskManagers must see INCOMING and OUTPUT at the same paths
  (a shared filesystem): the TaskManagers read the arrival files and write OUTPUT/.nightly-work,
  the worker lists and checksums the inputs and publishes the partitions;
* JAR is the shaded jar (``mvn -B -DskipTests package``), which holds the Flink runner; it is also
  staged to the cluster (filesToStage).

Needs apache-airflow (2.x or 3.x) and apache-airflow-providers-apache-beam. Each run processes the
arrival day that ended before it (the data interval's start date) and the LOOKBACK days before it,
like ``scripts/nightly.sh --date=<that day>``. ``max_active_runs=1``: nights must run in order, and
NightlyBatch refuses (exit 2) to re-run a night older than one already published; clear a past run
with ``scripts/nightly.sh --backfill=FROM..TO`` instead.

The Dataflow variant, with INCOMING and OUTPUT on Cloud Storage, is
claimwatch_nightly_dataflow_dag.py beside this file.
"""
import pendulum

from airflow.providers.apache.beam.operators.beam import BeamRunJavaPipelineOperator
from airflow.timetables.interval import CronDataIntervalTimetable

try:  # Airflow 3
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG

JAR = "/opt/claimwatch/pipeline/target/claimwatch-pipeline-bundled-0.1.0-SNAPSHOT.jar"
INCOMING = "/srv/claimwatch/incoming"
OUTPUT = "/srv/claimwatch/nightly"
FLINK_MASTER = "flink-jobmanager:8081"  # the JobManager's REST address
LOOKBACK = 3

with DAG(
    dag_id="claimwatch_nightly_flink",
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
        runner="FlinkRunner",
        pipeline_options={
            "date": "{{ data_interval_start | ds }}",
            "lookback": str(LOOKBACK),
            "incoming": INCOMING,
            "output": OUTPUT,
            "flinkMaster": FLINK_MASTER,
            "filesToStage": JAR,
            "parallelism": "2",
        },
    )
