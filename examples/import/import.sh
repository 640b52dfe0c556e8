#!/bin/sh
# Imports the sample decision list into the sample data folder, then checks it.
# Run from this folder; tests/import_example.rs runs the same two lines.
set -e
cd "$(dirname "$0")"
thidua import danh-sach-giay-khen-2024.csv --data data --set kind=thuong_xuyen --set issuer=huyen --create-people
thidua check --data data
