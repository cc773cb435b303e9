#!/bin/sh
# Measures how the cost of a scan grows with the account (250 to 8,000 tables, 1, 4 and 17 regions, concurrency 16,
# 32 and 64, 20 ms per answer) and draws docs/images/performance.svg from the figures.
# Run from the project folder after `mvn -B -q package -DskipTests`, on a machine doing nothing else.
# TABLEWARDEN and CHART_CLASSPATH may name another way to start the tool and another class path for the chart.
set -eu
tw=${TABLEWARDEN:-java -jar target/tablewarden.jar}
cp=${CHART_CLASSPATH:-target/tablewarden.jar}
out=target/benchmarks
mkdir -p "$out"
for regions in 1 4 17; do
  for tables in 250 1000 2000 8000; do
    $tw bench --tables "$tables" --regions "$regions" --no-naive --no-store-figure --filter-rows 0 --json "$out/bench-$tables-$regions.json"
  done
done
java -cp "$cp" docs/images/PerformanceChart.java docs/images/performance.svg "$out"/bench-*.json
