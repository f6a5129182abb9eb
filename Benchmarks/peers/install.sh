#!/usr/bin/env bash
# Installs the Python peers of the SPC benchmark (abspc, pyqicharts) into .build-bench/venv.
# Run from the package root: bash Benchmarks/peers/install.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .build-bench
python3 -m venv .build-bench/venv
.build-bench/venv/bin/pip install --quiet --upgrade pip
.build-bench/venv/bin/pip install --quiet abspc pyqicharts
.build-bench/venv/bin/python -c "import abspc, pyqicharts; print('abspc', abspc.__version__, 'pyqicharts', pyqicharts.__version__)"
