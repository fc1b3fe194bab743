#!/usr/bin/env python3
"""Generate a deterministic corpus of realistic ECS task definitions for benchmarking ecslint.

Usage:
    python3 scripts/gen_bench_corpus.py OUT_DIR [--count 10000] [--seed 42] [--manifest PATH]

Writes COUNT pretty-printed JSON files (median about 3.5 KB; 90% between 2.5 and 5 KB) into
nested folders of 100 files (OUT_DIR/dNN/dNN/<family>-NNNNN.json). The mix:

* Fargate and EC2 task definitions with 1-4 containers (app, nginx proxy, FireLens log
  router, Datadog agent, OpenTelemetry collector, X-Ray daemon, migration init container),
  env vars, secrets, awslogs / awsfirelens logging, health checks, port mappings, volumes,
  dependsOn.
* About 5% are bare containerDefinitions arrays (Terraform `container_definitions`).
* About 75% are clean; the rest carry one or two realistic mistakes: invalid Fargate
  CPU/memory pair, hostPort != containerPort under awsvpc, awslogs without awslogs-region,
  dependsOn to a missing container, a misspelt field, memoryReservation > memory, secrets
  without an execution role, or describe-task-definition output (wrapper + read-only fields).

Standard library only. The same seed and count always produce the same bytes. --manifest
writes a TSV (path, shape, mistakes) outside the corpus so that linting OUT_DIR only sees
task definitions.
"""

import argparse
import json
import os
import random
import string
import sys

FILES_PER_DIR = 100

ACCOUNTS = ["123456789012", "210987654321", "555566667777", "901234567890"]
REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]

TEAMS = ["storefront", "payments", "search", "identity", "fulfilment", "billing", "catalog",
         "growth", "platform", "data", "messaging", "risk"]
SERVICES = ["api", "web", "worker", "gateway", "scheduler", "consumer", "indexer", "renderer",
            "notifier", "exporter", "sync", "admin", "graphql", "webhooks", "ledger", "importer"]
ENVS = ["prod", "staging", "dev"]

# Fargate task sizes (CPU units -> valid MiB), see peer-checks.md §6.1.
FARGATE_SIZES = {
    256: [512, 1024, 2048],
    512: [1024, 2048, 3072, 4096],
    1024: list(range(2048, 8192 + 1, 1024)),
    2048: list(range(4096, 16384 + 1, 1024)),
    4096: list(range(8192, 30720 + 1, 1024)),
}
FARGATE_CPU_WEIGHTS = [(256, 20), (512, 35), (1024, 30), (2048, 12), (4096, 3)]
# Pairs AWS rejects with "No Fargate configuration exists for given values".
INVALID_FARGATE_PAIRS = [(256, 256), (512, 512), (1024, 1024), (256, 4096), (512, 8192),
                         (2048, 2048), (4096, 4096), (1024, 16384)]

APP_LANG_ENV = {
    "node": [("NODE_ENV", "production"), ("NODE_OPTIONS", "--max-old-space-size=384"),
             ("UV_THREADPOOL_SIZE", "8")],
    "python": [("PYTHONUNBUFFERED", "1"), ("GUNICORN_WORKERS", "3"),
               ("GUNICORN_TIMEOUT", "60")],
    "jvm": [("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"),
            ("SPRING_PROFILES_ACTIVE", "prod"), ("SERVER_SHUTDOWN", "graceful")],
    "go": [("GOMAXPROCS", "2"), ("GOMEMLIMIT", "450MiB")],
}
COMMON_ENV = [("LOG_LEVEL", "info"), ("LOG_FORMAT", "json"), ("FEATURE_FLAGS_REFRESH_SECONDS", "30"),
              ("HTTP_READ_TIMEOUT", "15s"), ("HTTP_WRITE_TIMEOUT", "30s"), ("CACHE_TTL_SECONDS", "300"),
              ("MAX_BODY_BYTES", "1048576"), ("TZ", "UTC"), ("METRICS_ENABLED", "true"),
              ("TRACE_SAMPLE_RATE", "0.1"), ("DB_POOL_SIZE", "10"), ("RETRY_MAX_ATTEMPTS", "5")]
SECRET_NAMES = ["DATABASE_URL", "DATABASE_PASSWORD", "REDIS_URL", "STRIPE_API_KEY",
                "SENTRY_DSN", "JWT_SIGNING_KEY", "SENDGRID_API_KEY", "OAUTH_CLIENT_SECRET",
                "SLACK_WEBHOOK_URL", "ENCRYPTION_KEY"]

# Misspellings users actually make, keyed by the correct field.
TASK_TYPOS = {"family": "familly", "networkMode": "netwrokMode", "executionRoleArn": "executionRoleARN",
              "requiresCompatibilities": "requireCompatibilities", "taskRoleArn": "taskRole"}
CONTAINER_TYPOS = {"memoryReservation": "memoryReservaton", "essential": "essental",
                   "environment": "enviroment", "healthCheck": "healthcheck",
                   "portMappings": "portMapping", "logConfiguration": "logConfig",
                   "readonlyRootFilesystem": "readOnlyRootFilesystem"}

MISTAKES = ["invalid_fargate_pair", "awsvpc_host_port", "missing_awslogs_region",
            "depends_on_missing", "unknown_field_typo", "reservation_gt_memory",
            "secrets_without_exec_role", "describe_wrapper"]
# Fields a mistake relies on; a typo in the same file must not rename them.
PROTECTED_BY = {
    "invalid_fargate_pair": {"requiresCompatibilities"},
    "awsvpc_host_port": {"networkMode", "portMappings"},
    "missing_awslogs_region": {"logConfiguration"},
    "depends_on_missing": set(),
    "reservation_gt_memory": {"memoryReservation"},
    "secrets_without_exec_role": {"executionRoleArn"},
}
ARRAY_MISTAKES = ["missing_awslogs_region", "depends_on_missing", "unknown_field_typo",
                  "reservation_gt_memory"]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    upto = 0.0
    for value, w in pairs:
        upto += w
        if r <= upto:
            return value
    return pairs[-1][0]


def suffix6(rng):
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(6))


class Ctx:
    """Everything one task definition's containers share."""

    def __init__(self, rng, idx):
        self.rng = rng
        self.idx = idx
        self.account = rng.choice(ACCOUNTS)
        self.region = rng.choice(REGIONS)
        self.team = rng.choice(TEAMS)
        self.service = rng.choice(SERVICES)
        self.env = weighted(rng, [("prod", 6), ("staging", 3), ("dev", 1)])
        self.family = "%s-%s-%s" % (self.team, self.service, self.env)
        self.fargate = rng.random() < 0.6
        self.arm = self.fargate and rng.random() < 0.35
        if self.fargate:
            self.network = "awsvpc"
        else:
            self.network = weighted(rng, [("bridge", 7), ("awsvpc", 3)])
        self.log_group = "/ecs/%s/%s" % (self.env, self.family)
        self.protect = set()

    def ecr(self, repo):
        major, minor, patch = self.rng.randint(0, 9), self.rng.randint(0, 30), self.rng.randint(0, 20)
        return "%s.dkr.ecr.%s.amazonaws.com/%s/%s:%d.%d.%d" % (
            self.account, self.region, self.team, repo, major, minor, patch)

    def role(self, kind):
        return "arn:aws:iam::%s:role/%s-%s" % (self.account, self.family, kind)

    def secret(self, name):
        if self.rng.random() < 0.5:
            return {"name": name,
                    "valueFrom": "arn:aws:ssm:%s:%s:parameter/%s/%s/%s" % (
                        self.region, self.account, self.team, self.env, name.lower().replace("_", "-"))}
        return {"name": name,
                "valueFrom": "arn:aws:secretsmanager:%s:%s:secret:%s/%s/%s-%s" % (
                    self.region, self.account, self.team, self.env,
                    name.lower().replace("_", "-"), suffix6(self.rng))}

    def awslogs(self, prefix):
        options = {
            "awslogs-group": self.log_group,
            "awslogs-region": self.region,
            "awslogs-stream-prefix": prefix,
        }
        if self.rng.random() < 0.7:
            options["mode"] = "non-blocking"
            options["max-buffer-size"] = self.rng.choice(["4m", "10m", "25m"])
        return {"logDriver": "awslogs", "options": options}

    def host_port(self, container_port):
        """hostPort as a valid definition writes it for the task's network mode."""
        if self.network == "bridge":
            return 0 if self.rng.random() < 0.8 else None
        return container_port if self.rng.random() < 0.3 else None


def port_mapping(ctx, port, name=None, app_protocol=None):
    pm = {"containerPort": port}
    hp = ctx.host_port(port)
    if hp is not None:
        pm["hostPort"] = hp
    pm["protocol"] = "tcp"
    if name is not None:
        pm["name"] = name
        if app_protocol is not None:
            pm["appProtocol"] = app_protocol
    return pm


def curl_health(port, path, rng):
    return {
        "command": ["CMD-SHELL", "curl -fsS http://localhost:%d%s || exit 1" % (port, path)],
        "interval": rng.choice([10, 15, 30]),
        "timeout": 5,
        "retries": 3,
        "startPeriod": rng.choice([0, 10, 20, 60]),
    }


def app_container(ctx, n_containers):
    rng = ctx.rng
    lang = rng.choice(sorted(APP_LANG_ENV))
    port = rng.choice([3000, 5000, 8000, 8080, 8443, 9000])
    env = list(APP_LANG_ENV[lang])
    # More env vars when the task has few containers keeps files in the 2-4 KB band.
    n_common = {1: rng.randint(5, 9), 2: rng.randint(1, 4)}.get(n_containers, 0)
    env += rng.sample(COMMON_ENV, n_common)
    env.append(("APP_ENV", {"prod": "production", "staging": "staging", "dev": "development"}[ctx.env]))
    env.append(("PORT", str(port)))
    c = {
        "name": ctx.service,
        "image": ctx.ecr(ctx.service),
        "essential": True,
        "portMappings": [port_mapping(ctx, port, "http", "http") if rng.random() < 0.6
                         else port_mapping(ctx, port)],
        "environment": [{"name": k, "value": v} for k, v in env],
    }
    n_secrets = rng.choice([0, 1, 2, 2, 3, 4] if n_containers < 3 else [0, 1, 1, 2])
    if n_secrets:
        c["secrets"] = [ctx.secret(s) for s in rng.sample(SECRET_NAMES, n_secrets)]
    if rng.random() < 0.85:
        c["healthCheck"] = curl_health(port, rng.choice(["/healthz", "/health", "/ping", "/_status"]), rng)
    c["logConfiguration"] = ctx.awslogs(ctx.service)
    c["readonlyRootFilesystem"] = True
    c["user"] = rng.choice(["1000", "1001", "65532"])
    if n_containers < 3 and rng.random() < 0.5:
        c["linuxParameters"] = {"initProcessEnabled": True}
    if n_containers < 3 and rng.random() < 0.5:
        c["stopTimeout"] = rng.choice([30, 60, 90])
    return c


def sidecar_nginx(ctx, app):
    rng = ctx.rng
    return {
        "name": "nginx",
        "image": "public.ecr.aws/nginx/nginx:%s" % rng.choice(["1.25-alpine", "1.26-alpine", "1.27-alpine", "1.27.3"]),
        "essential": True,
        "portMappings": [port_mapping(ctx, 80, "web", "http")],
        "environment": [{"name": "UPSTREAM", "value": "127.0.0.1:%d" % app["portMappings"][0]["containerPort"]}],
        "dependsOn": [{"containerName": app["name"], "condition": "HEALTHY" if "healthCheck" in app else "START"}],
        "healthCheck": curl_health(80, "/nginx-health", rng),
        "logConfiguration": ctx.awslogs("nginx"),
    }


def sidecar_firelens(ctx):
    rng = ctx.rng
    return {
        "name": "log-router",
        "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:%s" % rng.choice(["2.31.11", "2.31.12", "2.32.0", "2.32.2"]),
        "essential": True,
        "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
        "healthCheck": {
            "command": ["CMD-SHELL", "echo '{\"health\": \"check\"}' | nc 127.0.0.1 8877 || exit 1"],
            "interval": 10, "timeout": 5, "retries": 2, "startPeriod": 30,
        },
        "logConfiguration": ctx.awslogs("firelens"),
        "readonlyRootFilesystem": True,
        "user": "1000",
    }


def sidecar_datadog(ctx):
    return {
        "name": "datadog-agent",
        "image": "public.ecr.aws/datadog/agent:%s" % ctx.rng.choice(["7.50.3", "7.52.0", "7.54.1"]),
        "essential": False,
        "environment": [
            {"name": "DD_SITE", "value": "datadoghq.com"},
            {"name": "ECS_FARGATE", "value": "true" if ctx.fargate else "false"},
        ],
        "secrets": [ctx.secret("DD_API_KEY")],
        "healthCheck": {"command": ["CMD-SHELL", "agent health"], "interval": 30, "timeout": 5,
                        "retries": 3, "startPeriod": 15},
        "logConfiguration": ctx.awslogs("datadog"),
    }


def sidecar_otel(ctx):
    return {
        "name": "aws-otel-collector",
        "image": "public.ecr.aws/aws-observability/aws-otel-collector:%s" % ctx.rng.choice(["v0.38.1", "v0.39.0", "v0.40.0"]),
        "essential": False,
        "command": ["--config=/etc/ecs/ecs-default-config.yaml"],
        "healthCheck": {"command": ["CMD", "/healthcheck"], "interval": 15, "timeout": 5,
                        "retries": 3, "startPeriod": 10},
        "logConfiguration": ctx.awslogs("otel"),
        "readonlyRootFilesystem": True,
        "user": "10001",
    }


def sidecar_xray(ctx):
    pm = port_mapping(ctx, 2000)
    pm["protocol"] = "udp"
    return {
        "name": "aws-xray-daemon",
        "image": "public.ecr.aws/xray/aws-xray-daemon:%s" % ctx.rng.choice(["3.3.10", "3.3.12", "3.3.13"]),
        "essential": False,
        "portMappings": [pm],
        "environment": [{"name": "AWS_REGION", "value": ctx.region}],
        "logConfiguration": ctx.awslogs("xray"),
        "readonlyRootFilesystem": True,
        "user": "1000",
    }


def init_migrate(ctx, app):
    return {
        "name": "db-migrate",
        "image": app["image"],
        "essential": False,
        "command": ["bin/migrate", "up"],
        "secrets": [ctx.secret("DATABASE_URL")],
        "logConfiguration": ctx.awslogs("migrate"),
        "readonlyRootFilesystem": True,
        "user": app["user"],
    }


def add_dep(container, name, condition):
    container.setdefault("dependsOn", []).append({"containerName": name, "condition": condition})


def build_containers(ctx, n):
    rng = ctx.rng
    app = app_container(ctx, n)
    containers = [app]
    kinds = ["nginx", "firelens", "datadog", "otel", "xray", "migrate"]
    rng.shuffle(kinds)
    for kind in kinds[: n - 1]:
        if kind == "nginx":
            containers.append(sidecar_nginx(ctx, app))
        elif kind == "firelens":
            router = sidecar_firelens(ctx)
            containers.insert(0, router)
            app["logConfiguration"] = {"logDriver": "awsfirelens", "options": {
                "Name": "cloudwatch_logs", "region": ctx.region,
                "log_group_name": ctx.log_group, "log_stream_prefix": ctx.service + "-"}}
            add_dep(app, "log-router", "HEALTHY" if rng.random() < 0.5 else "START")
        elif kind == "datadog":
            containers.append(sidecar_datadog(ctx))
            add_dep(app, "datadog-agent", "START")
        elif kind == "otel":
            containers.append(sidecar_otel(ctx))
            add_dep(app, "aws-otel-collector", "HEALTHY" if rng.random() < 0.5 else "START")
        elif kind == "xray":
            containers.append(sidecar_xray(ctx))
            add_dep(app, "aws-xray-daemon", "START")
        elif kind == "migrate":
            containers.append(init_migrate(ctx, app))
            add_dep(app, "db-migrate", "SUCCESS")
    return containers


def size_containers(ctx, containers, task_cpu, task_memory):
    """Set container cpu/memory so that they fit the task (or stand alone on EC2)."""
    rng = ctx.rng
    n = len(containers)
    if ctx.fargate:
        if rng.random() < 0.5:
            share = task_memory // (n * 2)
            for c in containers:
                c["memoryReservation"] = max(32, share - share % 32)
        return
    # Leave headroom below the task size: container totals must stay under it.
    mem_budget = (task_memory or rng.choice([512, 1024, 2048, 3072])) - 64
    cpu_budget = (task_cpu or 1024) - 64
    for c in containers:
        hard = max(128, (mem_budget // n) - (mem_budget // n) % 64)
        c["cpu"] = max(32, min(rng.choice([64, 128, 256]), cpu_budget // n))
        c["memory"] = hard
        if rng.random() < 0.7:
            c["memoryReservation"] = max(64, hard // 2)


def add_volumes(ctx, task, app):
    rng = ctx.rng
    if rng.random() > 0.45:
        return
    if ctx.fargate or rng.random() < 0.4:
        if rng.random() < 0.3:
            vol = {"name": "shared-data", "efsVolumeConfiguration": {
                "fileSystemId": "fs-%08x" % rng.getrandbits(32),
                "transitEncryption": "ENABLED",
                "authorizationConfig": {"accessPointId": "fsap-%017x" % rng.getrandbits(68), "iam": "ENABLED"}}}
            path = "/mnt/shared"
        else:
            vol = {"name": "tmp"}
            path = "/tmp"
    elif rng.random() < 0.5:
        vol = {"name": "scratch", "dockerVolumeConfiguration": {"scope": "task", "driver": "local"}}
        path = "/var/lib/%s/scratch" % ctx.service
    else:
        vol = {"name": "host-certs", "host": {"sourcePath": "/etc/pki/ca-trust/extracted"}}
        path = "/etc/ssl/certs/host"
    task["volumes"] = [vol]
    app["mountPoints"] = [{"sourceVolume": vol["name"], "containerPath": path,
                           "readOnly": vol["name"] == "host-certs"}]


def build_task(ctx, containers):
    rng = ctx.rng
    task = {"family": ctx.family, "taskRoleArn": ctx.role("task"),
            "executionRoleArn": ctx.role("task-execution"), "networkMode": ctx.network}
    task_cpu = task_memory = None
    if ctx.fargate:
        task["requiresCompatibilities"] = ["FARGATE"]
        cpu = weighted(rng, FARGATE_CPU_WEIGHTS)
        task_memory = rng.choice(FARGATE_SIZES[cpu])
        task["cpu"] = str(cpu)
        task["memory"] = str(task_memory)
        task["runtimePlatform"] = {"operatingSystemFamily": "LINUX",
                                   "cpuArchitecture": "ARM64" if ctx.arm else "X86_64"}
    else:
        task["requiresCompatibilities"] = ["EC2"]
        if rng.random() < 0.4:
            task_cpu = rng.choice([512, 1024, 2048])
            task_memory = rng.choice([1024, 2048, 4096])
            task["cpu"] = str(task_cpu)
            task["memory"] = str(task_memory)
    size_containers(ctx, containers, task_cpu, task_memory)
    task["containerDefinitions"] = containers
    add_volumes(ctx, task, containers[[c["name"] for c in containers].index(ctx.service)])
    if rng.random() < 0.6:
        task["tags"] = [{"key": "team", "value": ctx.team}, {"key": "environment", "value": ctx.env}]
    return task


def app_of(ctx, containers):
    for c in containers:
        if c.get("name") == ctx.service:
            return c
    return containers[0]


def rename_key(obj, old, new):
    """Rename a key in place, keeping its position (a typo is made where the key was)."""
    items = [(new if k == old else k, v) for k, v in obj.items()]
    obj.clear()
    obj.update(items)


def applicable(ctx, mistake, is_array):
    if is_array:
        return mistake in ARRAY_MISTAKES
    if mistake == "invalid_fargate_pair":
        return ctx.fargate
    if mistake == "awsvpc_host_port":
        return ctx.network == "awsvpc"
    return True


def apply_mistake(ctx, doc, mistake, is_array):
    """Mutate doc (a task dict or a container list). Returns the (possibly new) document."""
    rng = ctx.rng
    containers = doc if is_array else doc["containerDefinitions"]
    app = app_of(ctx, containers)
    if mistake == "invalid_fargate_pair":
        cpu, mem = rng.choice(INVALID_FARGATE_PAIRS)
        doc["cpu"], doc["memory"] = str(cpu), str(mem)
        for c in containers:  # keep the pair as the only sizing problem
            c.pop("memoryReservation", None)
    elif mistake == "awsvpc_host_port":
        pm = app["portMappings"][0]
        pm["hostPort"] = 80 if pm["containerPort"] != 80 else 8080
    elif mistake == "missing_awslogs_region":
        with_awslogs = [c for c in containers
                        if c.get("logConfiguration", {}).get("logDriver") == "awslogs"]
        rng.choice(with_awslogs)["logConfiguration"]["options"].pop("awslogs-region")
    elif mistake == "depends_on_missing":
        target = rng.choice(["sidecar", "logrouter", "xray-daemon", "%s-init" % ctx.service, "envoy-proxy"])
        add_dep(app, target, "START")
    elif mistake == "unknown_field_typo":
        # Leave alone the fields another mistake in this file relies on, so that each
        # injected mistake stays visible.
        protect = ctx.protect
        task_fields = [k for k in TASK_TYPOS if k in doc and k not in protect] if not is_array else []
        if task_fields and rng.random() < 0.4:
            field = rng.choice(task_fields)
            rename_key(doc, field, TASK_TYPOS[field])
        else:
            c = rng.choice(containers)
            fields = [k for k in CONTAINER_TYPOS if k in c and k not in protect]
            if not fields:
                c = app
                fields = [k for k in CONTAINER_TYPOS if k in c and k not in protect]
            field = rng.choice(fields)
            rename_key(c, field, CONTAINER_TYPOS[field])
    elif mistake == "reservation_gt_memory":
        c = rng.choice(containers)
        c["memory"] = rng.choice([128, 256, 512])
        c["memoryReservation"] = c["memory"] * 2
    elif mistake == "secrets_without_exec_role":
        if "secrets" not in app:
            app["secrets"] = [ctx.secret(rng.choice(SECRET_NAMES))]
        doc.pop("executionRoleArn", None)
    elif mistake == "describe_wrapper":
        return describe_wrap(ctx, doc)
    return doc


def describe_wrap(ctx, task):
    rng = ctx.rng
    revision = rng.randint(1, 400)
    td = {"taskDefinitionArn": "arn:aws:ecs:%s:%s:task-definition/%s:%d" % (
        ctx.region, ctx.account, task.get("family", ctx.family), revision)}
    for c in task["containerDefinitions"]:
        c.setdefault("cpu", 0)
        c.setdefault("mountPoints", [])
        c.setdefault("volumesFrom", [])
        c.setdefault("systemControls", [])
    td.update(task)
    td["revision"] = revision
    td.setdefault("volumes", [])
    td["status"] = "ACTIVE"
    attrs = ["com.amazonaws.ecs.capability.logging-driver.awslogs",
             "ecs.capability.execution-role-awslogs",
             "com.amazonaws.ecs.capability.ecr-auth",
             "com.amazonaws.ecs.capability.docker-remote-api.1.19",
             "com.amazonaws.ecs.capability.task-iam-role",
             "ecs.capability.container-health-check",
             "ecs.capability.execution-role-ecr-pull",
             "ecs.capability.secrets.ssm.environment-variables"]
    if ctx.network == "awsvpc":
        attrs.append("ecs.capability.task-eni")
    td["requiresAttributes"] = [{"name": a} for a in attrs]
    td["placementConstraints"] = []
    td["compatibilities"] = ["EC2", "FARGATE"] if ctx.fargate else ["EC2"]
    tags = td.pop("tags", [])
    td["registeredAt"] = "2026-%02d-%02dT%02d:%02d:%02d.%03d000+00:00" % (
        rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
        rng.randint(0, 59), rng.randint(0, 999))
    td["registeredBy"] = "arn:aws:sts::%s:assumed-role/%s/%s" % (
        ctx.account, rng.choice(["github-actions-deploy", "codebuild-deploy", "AWSReservedSSO_Admin"]),
        rng.choice(["GitHubActions", "AWSCodeBuild", "jane.doe"]))
    return {"taskDefinition": td, "tags": tags}


def generate_one(rng, idx):
    ctx = Ctx(rng, idx)
    n = weighted(rng, [(1, 45), (2, 35), (3, 14), (4, 6)])
    containers = build_containers(ctx, n)
    is_array = rng.random() < 0.05
    if is_array:
        # Terraform users keep task-level settings in HCL; size the containers EC2-style.
        ctx.fargate = False
        ctx.network = "bridge"
        for c in containers:
            for pm in c.get("portMappings", []):
                pm.pop("hostPort", None)
        size_containers(ctx, containers, None, None)
        doc = containers
    else:
        doc = build_task(ctx, containers)
    mistakes = []
    if rng.random() < 0.25:
        k = 1 if rng.random() < 0.7 else 2
        candidates = [m for m in MISTAKES if applicable(ctx, m, is_array)]
        mistakes = rng.sample(candidates, min(k, len(candidates)))
        # The Fargate pair clears container reservations, so it goes first; a typo renames
        # a key other mistakes may need and the wrapper changes the shape, so they go last.
        mistakes.sort(key=lambda m: {"invalid_fargate_pair": -1, "unknown_field_typo": 1,
                                     "describe_wrapper": 2}.get(m, 0))
        ctx.protect = set()
        for m in mistakes:
            ctx.protect |= PROTECTED_BY.get(m, set())
        for m in mistakes:
            doc = apply_mistake(ctx, doc, m, is_array)
    name = "%s-%05d.json" % (ctx.family, idx)
    shape = "container-array" if is_array else ("describe" if "describe_wrapper" in mistakes else "register")
    return name, doc, shape, mistakes


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--manifest", help="write a TSV of path, shape and mistakes here (outside OUT_DIR)")
    args = ap.parse_args(argv)
    if args.count < 0:
        ap.error("--count must be >= 0")

    rng = random.Random(args.seed)
    total_bytes = 0
    manifest = []
    stats = {"clean": 0, "with_mistakes": 0, "container-array": 0, "describe": 0}
    for idx in range(args.count):
        name, doc, shape, mistakes = generate_one(rng, idx)
        sub = os.path.join(args.out_dir, "d%02d" % (idx // (FILES_PER_DIR * 10)),
                           "d%02d" % ((idx // FILES_PER_DIR) % 10))
        os.makedirs(sub, exist_ok=True)
        path = os.path.join(sub, name)
        data = (json.dumps(doc, indent=2) + "\n").encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        total_bytes += len(data)
        stats["with_mistakes" if mistakes else "clean"] += 1
        if shape != "register":
            stats[shape] += 1
        manifest.append("%s\t%s\t%s" % (os.path.relpath(path, args.out_dir), shape, ",".join(mistakes) or "-"))

    if args.manifest:
        with open(args.manifest, "w", encoding="utf-8") as f:
            f.write("path\tshape\tmistakes\n")
            f.write("\n".join(manifest) + ("\n" if manifest else ""))

    print("wrote %d files (%.1f MB) to %s: %d clean, %d with mistakes, %d container arrays, %d describe outputs"
          % (args.count, total_bytes / 1e6, args.out_dir, stats["clean"], stats["with_mistakes"],
             stats["container-array"], stats["describe"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
