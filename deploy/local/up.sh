#!/usr/bin/env bash
# One command up: Kafka broker, Flink JobManager and TaskManager, topics, the job. Arguments, if
# any, replace the job's default arguments (see stack.sh). Stop with down.sh.
exec "$(dirname "$0")/stack.sh" up "$@"
