"""The GitHub workflow that publishes the site: it must build from the repository's whole history."""

from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parent.parent / ".github" / "workflows"


def _jobs() -> dict[str, dict]:
    jobs: dict[str, dict] = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        jobs.update(yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"])
    return jobs


def _publishes(job: dict) -> bool:
    return any(str(step.get("uses", "")).startswith("actions/deploy-pages") for step in job["steps"])


def test_the_publish_job_checks_out_the_whole_history():
    # Each page shows the date its source last changed, read from git log; a one-commit checkout
    # would cite every page without a date ("n.d.").
    publishing = [job for job in _jobs().values() if _publishes(job)]
    assert publishing, "no workflow job deploys to GitHub Pages"
    for job in publishing:
        checkouts = [
            step for step in job["steps"] if str(step.get("uses", "")).startswith("actions/checkout")
        ]
        assert checkouts, "the publish job does not check out the repository"
        for step in checkouts:
            assert (step.get("with") or {}).get("fetch-depth") == 0, step
