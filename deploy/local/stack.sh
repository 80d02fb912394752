#!/usr/bin/env bash
# A real Kafka broker (KRaft) and a real Flink standalone session cluster on this machine, from
# Maven jars; each process is started in the background and stopped by its PID.
#
#   stack.sh up [job args...]   everything, then submits the job (stream ...; NO_SUBMIT=1: not)
#   stack.sh down               stops every process it started
#   stack.sh status
#   stack.sh kafka-start|kafka-stop|jm-start|tm-start|tm-kill|topics
#   stack.sh consume [TOPIC [QUIET_SECONDS]]   prints committed records (default: the alerts topic)
#   stack.sh submit [job args...]       prints the job id (SAVEPOINT=path restores from it)
#
# Settings (environment): WORK (default deploy/local/.work), KAFKA_PORT (9092), FLINK_REST_PORT
# (8081), FLINK_RPC_PORT (6123), PROM_PORTS (9249-9259), JAR (target/t1573-cep.jar),
# CHANNEL_TOPICS ("windows=t1573.windows"), PARTITIONS (2), ALERTS_TOPIC, DEAD_LETTERS_TOPIC.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-$HERE/.work}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
FLINK_REST_PORT="${FLINK_REST_PORT:-8081}"
FLINK_RPC_PORT="${FLINK_RPC_PORT:-6123}"
PROM_PORTS="${PROM_PORTS:-9249-9259}"
JAR="${JAR:-$REPO/target/t1573-cep.jar}"
CHANNEL_TOPICS="${CHANNEL_TOPICS:-windows=t1573.windows}"
PARTITIONS="${PARTITIONS:-2}"
ALERTS_TOPIC="${ALERTS_TOPIC:-t1573.alerts}"
DEAD_LETTERS_TOPIC="${DEAD_LETTERS_TOPIC:-t1573.dead-letters}"
REST="http://localhost:$FLINK_REST_PORT"
PIDS="$WORK/pids"
LOGS="$WORK/log"
mkdir -p "$PIDS" "$LOGS"

# Java 17 needs these for Flink (Flink's default env.java.opts.all).
JAVA_OPENS=(--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED)

log() { echo "[stack] $*" >&2; }

# Resolves a classpath once (pom in deploy/local) into $WORK/<name>.cp.
classpath() {
  local name="$1" file="$WORK/$1.cp"
  if [[ ! -s "$file" ]]; then
    log "resolving the $name classpath (Maven)"
    mvn -B -q -f "$HERE/$name.pom.xml" dependency:build-classpath -Dstyle.color=never \
      -Dmdep.outputFile="$file" >&2
  fi
  cat "$file"
}

# Starts a background JVM, records its PID: spawn NAME LOGFILE java-args...
spawn() {
  local name="$1" out="$2"
  shift 2
  nohup java "$@" >"$out" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  log "$name started (pid $!, log $out)"
}

alive() { [[ -f "$PIDS/$1.pid" ]] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

# Stops a process by its PID file: SIGTERM, then SIGKILL after 20 s (or at once with "now").
stop() {
  local name="$1" how="${2:-}" pid
  [[ -f "$PIDS/$name.pid" ]] || return 0
  pid="$(cat "$PIDS/$name.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    if [[ "$how" == now ]]; then
      kill -9 "$pid"
    else
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    log "$name stopped (pid $pid)"
  fi
  rm -f "$PIDS/$name.pid"
}

wait_for() { # wait_for SECONDS DESCRIPTION command...
  local deadline=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      log "timed out waiting for $what"
      return 1
    fi
    sleep 0.5
  done
}

port_open() { (exec 3<>"/dev/tcp/localhost/$1") 2>/dev/null; }

kafka_start() {
  alive kafka && { log "kafka already running"; return; }
  local dir="$WORK/kafka" cp
  cp="$(classpath kafka-broker)"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.partitions=$PARTITIONS
# One broker: internal topics with one replica, or consumer groups and transactions never start.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
group.initial.rebalance.delay.ms=0
# Replays carry old event times as record timestamps, tests far-future ones.
log.message.timestamp.before.max.ms=9223372036854775807
log.message.timestamp.after.max.ms=9223372036854775807
PROPS
  cat >"$dir/log4j2.properties" <<PROPS
rootLogger.level=INFO
rootLogger.appenderRef.f.ref=file
appender.file.type=File
appender.file.name=file
appender.file.fileName=$LOGS/kafka.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=%d{ISO8601} %-5p %c{1} - %m%n
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
PROPS
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    java -cp "$cp" -Dlog4j2.configurationFile="$dir/log4j2.properties" kafka.tools.StorageTool format \
      -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" -c "$dir/server.properties" >"$LOGS/kafka-format.out" 2>&1
  fi
  spawn kafka "$LOGS/kafka.out" -Xmx512m -Xms256m -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$dir/server.properties"
  wait_for 60 "kafka on port $KAFKA_PORT" port_open "$KAFKA_PORT"
}

flink_conf() {
  local conf="$WORK/flink-conf"
  mkdir -p "$conf" "$WORK/checkpoints" "$WORK/savepoints" "$WORK/web-upload"
  cat >"$conf/config.yaml" <<YAML
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $FLINK_RPC_PORT
jobmanager.bind-host: localhost
taskmanager.bind-host: localhost
taskmanager.host: localhost
rest.address: localhost
rest.bind-address: localhost
rest.port: $FLINK_REST_PORT
jobmanager.memory.process.size: 1024m
taskmanager.memory.process.size: 1536m
taskmanager.numberOfTaskSlots: 2
parallelism.default: 2
# Retry registration after 1 s (default 10 s) and notice a lost TaskManager within seconds.
cluster.registration.error-delay: 1000
heartbeat.interval: 2000
heartbeat.timeout: 10000
execution.checkpointing.dir: file://$WORK/checkpoints
execution.checkpointing.savepoint-dir: file://$WORK/savepoints
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: 2147483647
restart-strategy.fixed-delay.delay: 2 s
web.upload.dir: $WORK/web-upload
# A job main that calls System.exit (every command but stream does) must not stop the JobManager.
cluster.intercept-user-system-exit: THROW
metrics.reporter.prom.factory.class: org.apache.flink.metrics.prometheus.PrometheusReporterFactory
metrics.reporter.prom.port: $PROM_PORTS
YAML
  cat >"$conf/log4j.properties" <<'PROPS'
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=MainAppender
appender.main.name=MainAppender
appender.main.type=File
appender.main.append=true
appender.main.fileName=${sys:log.file}
appender.main.layout.type=PatternLayout
appender.main.layout.pattern=%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
logger.kafka.name=org.apache.kafka
logger.kafka.level=WARN
PROPS
  echo "$conf"
}

# The JVM flags and -D options Flink's scripts would compute: resource_params JM|TM
resource_params() {
  local what="GET_${1}_RESOURCE_PARAMS"
  java "${JAVA_OPENS[@]}" -cp "$(classpath flink-cluster)" org.apache.flink.runtime.util.bash.BashJavaUtils \
    "$what" --configDir "$WORK/flink-conf" 2>/dev/null | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

flink_jvm() { # flink_jvm NAME ROLE MAINCLASS
  local name="$1" role="$2" main="$3" conf params jvm dyn
  conf="$(flink_conf)"
  params="$(resource_params "$role")"
  jvm="$(sed -n 1p <<<"$params")"
  dyn="$(sed -n 2p <<<"$params")"
  # shellcheck disable=SC2086 # the computed flags are word lists
  spawn "$name" "$LOGS/$name.out" $jvm "${JAVA_OPENS[@]}" -Dlog.file="$LOGS/$name.log" \
    -Dlog4j.configurationFile="file:$conf/log4j.properties" -cp "$(classpath flink-cluster)" \
    "$main" --configDir "$conf" $dyn
}

jm_start() {
  alive jobmanager && { log "jobmanager already running"; return; }
  flink_jvm jobmanager JM org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
  wait_for 90 "the Flink REST API on $REST" rest taskmanagers
}

# Starts one more TaskManager (names taskmanager-1, -2, ...) and waits until it has registered at
# the ResourceManager (its own log says so: the JobManager may still count a TaskManager just killed).
tm_start() {
  local n=1
  while [[ -f "$PIDS/taskmanager-$n.pid" || -f "$LOGS/taskmanager-$n.log" ]]; do n=$((n + 1)); done
  flink_jvm "taskmanager-$n" TM org.apache.flink.runtime.taskexecutor.TaskManagerRunner
  wait_for 90 "taskmanager-$n to register" grep -q "Successful registration at resource manager" "$LOGS/taskmanager-$n.log"
}

running_taskmanagers() {
  local f
  for f in "$PIDS"/taskmanager-*.pid; do [[ -e "$f" ]] && alive "$(basename "$f" .pid)" && return 0; done
  return 1
}

# Kills (SIGKILL: a crash, no clean shutdown) the newest running TaskManager.
tm_kill() {
  local f
  f="$(ls "$PIDS"/taskmanager-*.pid 2>/dev/null | sort -V | tail -1)"
  [[ -n "$f" ]] || { log "no taskmanager running"; return 1; }
  stop "$(basename "$f" .pid)" now
}

topics() {
  local specs=() t
  IFS=',' read -ra pairs <<<"$CHANNEL_TOPICS"
  for t in "${pairs[@]}"; do specs+=("${t#*=}:$PARTITIONS:retain"); done
  specs+=("$ALERTS_TOPIC:$PARTITIONS" "$DEAD_LETTERS_TOPIC:1")
  java -cp "$(classpath kafka-broker)" "$HERE/Topics.java" "localhost:$KAFKA_PORT" "${specs[@]}"
}

# The job's default arguments: every channel topic, checkpoints every 10 s.
default_job_args() {
  local args=(stream --bootstrap-servers "localhost:$KAFKA_PORT" --patterns "$REPO/patterns"
    --alerts-topic "$ALERTS_TOPIC" --dead-letters-topic "$DEAD_LETTERS_TOPIC" --checkpoint-interval 10s) t
  IFS=',' read -ra pairs <<<"$CHANNEL_TOPICS"
  for t in "${pairs[@]}"; do args+=(--topic "$t"); done
  printf '%s\n' "${args[@]}"
}

# The Flink REST calls (FlinkRest.java: no curl or jq needed).
rest() { java -cp "$(classpath kafka-broker)" "$HERE/FlinkRest.java" "$1" "$REST" "${@:2}"; }

# Uploads the job jar and runs it; prints the job id.
submit() {
  local args=("$@")
  [[ ${#args[@]} -gt 0 ]] || mapfile -t args < <(default_job_args)
  [[ -f "$JAR" ]] || (cd "$REPO" && log "building $JAR" && mvn -B -q package -DskipTests >&2)
  rest submit "$JAR" "${SAVEPOINT:--}" "${args[@]}" | tee "$WORK/job.id"
}

# Prints a topic's committed records (default: the alerts), stopping after 3 s without new ones.
consume() {
  java -cp "$(classpath kafka-broker)" "$HERE/Consume.java" "localhost:$KAFKA_PORT" "${1:-$ALERTS_TOPIC}" "${2:-3}"
}

status() {
  local f
  for f in "$PIDS"/*.pid; do
    [[ -e "$f" ]] || continue
    if kill -0 "$(cat "$f")" 2>/dev/null; then echo "$(basename "$f" .pid) running (pid $(cat "$f"))"
    else echo "$(basename "$f" .pid) dead (pid $(cat "$f"))"; fi
  done
  rest jobs 2>/dev/null || true
}

up() {
  kafka_start
  jm_start
  running_taskmanagers || tm_start
  topics
  if [[ "${NO_SUBMIT:-0}" != 1 ]]; then
    local job
    job="$(submit "$@")"
    log "job $job submitted: $REST/#/job/running/$job/overview"
  fi
  cat >&2 <<INFO
[stack] up. Flink dashboard: $REST   Prometheus metrics: http://localhost:${PROM_PORTS%-*}/metrics (JobManager; TaskManagers on the next ports)
[stack] Kafka: localhost:$KAFKA_PORT  topics: $CHANNEL_TOPICS -> $ALERTS_TOPIC, $DEAD_LETTERS_TOPIC
[stack] logs: $LOGS   pids: $PIDS   stop: deploy/local/down.sh
INFO
}

down() {
  local f
  for f in "$PIDS"/taskmanager-*.pid; do [[ -e "$f" ]] && stop "$(basename "$f" .pid)"; done
  stop jobmanager
  stop kafka
}

cmd="${1:-}"
shift || true
case "$cmd" in
  up) up "$@" ;;
  down) down ;;
  status) status ;;
  kafka-start) kafka_start ;;
  kafka-stop) stop kafka ;;
  jm-start) jm_start ;;
  tm-start) tm_start ;;
  tm-kill) tm_kill ;;
  topics) topics ;;
  consume) consume "$@" ;;
  submit) submit "$@" ;;
  *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
