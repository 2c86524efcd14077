"""`umm-survey enrich`: fetch GitHub facts for code links, and report preprints that have since been published.

GitHub stars, last push, archived flag and licence go to
catalogue/metadata/github.json (GITHUB_TOKEN optional, API at
UMM_GITHUB_API_URL); the YAML entries are never touched. Entries still listed
as arXiv whose arXiv record now has a journal reference or DOI are reported.
Exit 0 when every look-up worked, 1 when some failed (what worked is kept).
"""

from __future__ import annotations

import argparse
import sys

from umm_survey.authoring.venues import apply_venue
from umm_survey.checks.catalogue import load_catalogue
from umm_survey.commands.common import OK, PROBLEMS, USAGE, add_catalogue_option, catalogue_folder_exists, positive_seconds
from umm_survey.load.metadata import github_repo, load_metadata
from umm_survey.network.arxiv import fetch_records
from umm_survey.network.enrich import GitHub, RateLimited, save_metadata
from umm_survey.network.net import HttpSettings, NetworkError, Unreachable, session
from umm_survey.network.venues import VenueProposal, propose

ARXIV_BATCH = 50
GIVE_UP_AFTER = 3  # connection failures in a row before a source is given up on
PROGRESS_EVERY = 25  # repositories between progress lines


class GaveUp(Exception):
    """A service failed to answer several times in a row; the rest of its look-ups are skipped."""


class Streak:
    """Counts connection failures in a row; raises GaveUp at the limit. Any answer resets it."""

    def __init__(self, service: str, total: int) -> None:
        self.service, self.total, self.in_a_row = service, total, 0

    def answered(self) -> None:
        self.in_a_row = 0

    def failed(self, error: NetworkError, done: int) -> None:
        self.in_a_row = self.in_a_row + 1 if isinstance(error, Unreachable) else 0
        if self.in_a_row >= GIVE_UP_AFTER:
            raise GaveUp(f"{self.service}: gave up after {self.in_a_row} connection failures in a row ({error}); {done} of {self.total} done")


def progress(service: str, done: int, total: int) -> None:
    if done % PROGRESS_EVERY == 0 or done == total:
        print(f"{service}: {done} of {total}", file=sys.stderr, flush=True)


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("enrich", help="GitHub stars and activity; preprints since published", description=__doc__)
    add_catalogue_option(parser)
    parser.add_argument("--no-github", dest="github", action="store_false", help="skip the GitHub look-ups")
    parser.add_argument("--no-arxiv", dest="arxiv", action="store_false", help="skip the arXiv look-ups")
    parser.add_argument("--venues", action="store_true", help="instead: look each preprint up in DBLP (UMM_DBLP_API_URL) and propose venue changes with the evidence")
    parser.add_argument("--write", action="store_true", help="with --venues: apply the proposals to the entries and their BibTeX records")
    parser.add_argument("--timeout", type=positive_seconds, default=15.0, metavar="SECONDS")
    parser.set_defaults(run=run)


def enrich_github(catalogue, settings: HttpSettings) -> tuple[int, list[str]]:
    repos = sorted({repo for entry in catalogue.entries if (repo := github_repo(entry.model.code))})
    metadata, failures, fetched = load_metadata(catalogue.root), [], 0
    client, streak = GitHub(session(settings), settings), Streak("GitHub", len(repos))
    try:
        for done, repo in enumerate(repos, 1):
            try:
                metadata[repo] = client.repository(repo)
                fetched += 1
                streak.answered()
            except RateLimited:
                raise
            except NetworkError as error:
                failures.append(str(error))
                streak.failed(error, done)
            progress("GitHub", done, len(repos))
    except RateLimited as error:
        failures.append(f"{error}; stopped after {fetched} of {len(repos)} repositories")
    except GaveUp as error:
        failures.append(str(error))
    finally:
        if fetched:
            save_metadata(catalogue.root, metadata)
    return fetched, failures


def published_preprints(catalogue, settings: HttpSettings) -> tuple[list[str], list[str]]:
    preprints = {entry.model.arxiv: entry for entry in catalogue.entries if entry.model.venue == "arXiv" and entry.model.arxiv}
    ids, lines, failures = sorted(preprints), [], []
    http, streak = session(settings), Streak("arXiv", len(ids))
    try:
        for start in range(0, len(ids), ARXIV_BATCH):
            batch = ids[start : start + ARXIV_BATCH]
            try:
                records = fetch_records(batch, http, settings)
                streak.answered()
            except NetworkError as error:
                failures.append(f"arXiv: {error}")
                streak.failed(error, start)
                continue
            finally:
                progress("arXiv", min(start + ARXIV_BATCH, len(ids)), len(ids))
            for arxiv_id, record in sorted(records.items()):
                if record.journal_ref or record.doi:
                    details = "; ".join(part for part in (f"journal reference {record.journal_ref!r}" if record.journal_ref else "", f"DOI {record.doi}" if record.doi else "") if part)
                    lines.append(f"published? {preprints[arxiv_id].path}: arXiv {arxiv_id} now has {details}; update `venue` and the BibTeX record")
    except GaveUp as error:
        failures.append(str(error))
    return lines, failures


def venue_proposals(catalogue, settings: HttpSettings) -> tuple[list[VenueProposal], list[str]]:
    preprints = sorted((entry for entry in catalogue.entries if entry.model.venue == "arXiv"), key=lambda entry: entry.path)
    http, streak, proposals, failures = session(settings), Streak("DBLP", len(preprints)), [], []
    try:
        for done, entry in enumerate(preprints, 1):
            try:
                proposals.append(propose(http, settings, entry.path, entry.model.title, catalogue.vocabulary))
                streak.answered()
            except NetworkError as error:
                failures.append(f"DBLP: {entry.path}: {error}")
                streak.failed(error, done)
            progress("DBLP", done, len(preprints))
    except GaveUp as error:
        failures.append(str(error))
    return proposals, failures


def run_venues(args: argparse.Namespace, catalogue, settings: HttpSettings) -> int:
    proposals, failures = venue_proposals(catalogue, settings)
    changes = [proposal for proposal in proposals if proposal.venue]
    for proposal in changes:
        print(f"venue {proposal.path}: arXiv -> {proposal.venue} ({proposal.evidence})")
    for proposal in proposals:
        if not proposal.venue and "no published record" not in proposal.evidence:
            print(f"unchanged {proposal.path}: {proposal.evidence}")
    if args.write and changes:
        by_path = {entry.path: entry for entry in catalogue.entries}
        for proposal in changes:
            apply_venue(catalogue, by_path[proposal.path], proposal.venue)
        print(f"wrote {len(changes)} venue changes to their entries and references.bib", file=sys.stderr)
    for failure in failures:
        print(f"umm-survey: {failure}", file=sys.stderr)
    return PROBLEMS if failures else OK


def run(args: argparse.Namespace) -> int:
    if not catalogue_folder_exists(args.catalogue):
        return USAGE
    if args.write and not args.venues:
        print("umm-survey: --write applies venue changes; use it with --venues", file=sys.stderr)
        return USAGE
    catalogue = load_catalogue(args.catalogue)
    settings = HttpSettings(timeout=args.timeout)
    if args.venues:
        return run_venues(args, catalogue, settings)
    failures: list[str] = []
    if args.github:
        fetched, github_failures = enrich_github(catalogue, settings)
        failures += github_failures
        print(f"GitHub: {fetched} repositories updated in catalogue/metadata/github.json", file=sys.stderr)
    if args.arxiv:
        lines, arxiv_failures = published_preprints(catalogue, settings)
        failures += arxiv_failures
        for line in lines:
            print(line)
    for failure in failures:
        print(f"umm-survey: {failure}", file=sys.stderr)
    return PROBLEMS if failures else OK
