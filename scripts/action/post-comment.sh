#!/usr/bin/env bash
# Posts the action's PR comment (docs/ci/github.md), updating it in place:
# the earlier comment is the one whose body starts with the body's first
# line (reports/comment_writer.h's hidden marker) and whose author is
# STEPUP_COMMENT_AUTHOR; it is PATCHed, else a new one is POSTed.
#
#   post-comment.sh BODY_FILE
#
# Environment: GITHUB_API_URL (https://api.github.com on github.com),
# GITHUB_REPOSITORY (owner/name), GITHUB_TOKEN, STEPUP_PR_NUMBER (empty:
# not a pull request), STEPUP_PR_HEAD_REPO (the PR head's owner/name),
# STEPUP_COMMENT_AUTHOR (default github-actions[bot], GITHUB_TOKEN's user),
# GITHUB_OUTPUT (gets comment-url). Needs curl and jq.
#
# A comment is a convenience, never the gate: whatever happens this exits 0
# and says why on a ::notice or ::warning. A fork's pull request gets no
# comment (its token cannot write), nor does a token without
# pull-requests: write (a 403).
set -uo pipefail
body=${1:?usage: post-comment.sh BODY_FILE}

notice() { echo "::notice title=stepup comment::$*"; }
warn() { echo "::warning title=stepup comment::$*"; }

[ -f "$body" ] || { notice "no comment body ($body): nothing to post"; exit 0; }
pr=${STEPUP_PR_NUMBER:-}
[ -n "$pr" ] || { notice "not a pull request: no comment"; exit 0; }
[[ $pr =~ ^[0-9]+$ ]] || { warn "pull request number '$pr' is not a number"; exit 0; }
repo=${GITHUB_REPOSITORY:?GITHUB_REPOSITORY is owner/name}
if [ "${STEPUP_PR_HEAD_REPO-$repo}" != "$repo" ]; then
  notice "a pull request from a fork gets a read-only token: no comment (the step summary has the report; docs/ci/github.md)"
  exit 0
fi
for tool in curl jq; do
  command -v "$tool" > /dev/null || { warn "$tool is missing: no comment"; exit 0; }
done
[ -n "${GITHUB_TOKEN:-}" ] || { warn "no github-token: no comment"; exit 0; }
api=${GITHUB_API_URL:-https://api.github.com}
author=${STEPUP_COMMENT_AUTHOR:-github-actions[bot]}
marker=$(head -n 1 "$body")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# METHOD URL [JSON_FILE]: the response body in $tmp/response, the HTTP
# status on stdout. The token goes to curl on stdin, not on its command line.
call() {
  local args=(-sS -o "$tmp/response" -w '%{http_code}' -X "$1"
              -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28")
  if [ $# -ge 3 ]; then args+=(-H "Content-Type: application/json" --data-binary "@$3"); fi
  printf 'header = "Authorization: Bearer %s"\n' "$GITHUB_TOKEN" | curl "${args[@]}" -K - "$2"
}

refused() {
  case $1 in
    401 | 403 | 404)
      notice "the token cannot $2 (HTTP $1): give the job 'permissions: pull-requests: write'; Dependabot's pull requests get a read-only token"
      ;;
    *) warn "GitHub answered HTTP $1 to $2: no comment" ;;
  esac
  exit 0
}

# The earlier comment, 100 a page.
id=
for ((page = 1; page <= 50; page++)); do
  status=$(call GET "$api/repos/$repo/issues/$pr/comments?per_page=100&page=$page")
  [[ $status == 2?? ]] || refused "$status" "read the pull request's comments"
  id=$(jq -r --arg m "$marker" --arg a "$author" \
    'first(.[] | select(.user.login == $a and (.body | startswith($m))) | .id) // empty' \
    "$tmp/response")
  if [ -n "$id" ] || [ "$(jq length "$tmp/response")" -lt 100 ]; then break; fi
done

jq -Rs '{body: .}' < "$body" > "$tmp/payload.json"
if [ -n "$id" ]; then
  status=$(call PATCH "$api/repos/$repo/issues/comments/$id" "$tmp/payload.json")
  what="update its comment"
else
  status=$(call POST "$api/repos/$repo/issues/$pr/comments" "$tmp/payload.json")
  what="comment on the pull request"
fi
[[ $status == 2?? ]] || refused "$status" "$what"
url=$(jq -r '.html_url // empty' "$tmp/response")
if [ -n "$id" ]; then echo "stepup comment: updated $url"; else echo "stepup comment: posted $url"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then printf 'comment-url=%s\n' "${url//$'\n'/}" >> "$GITHUB_OUTPUT"; fi
exit 0
