"""The final anonymization check of an export: findings, stored engine detections, precheck at approval."""
