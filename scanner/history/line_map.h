// Line maps: where the lines of an older version of a file are at HEAD,
// built backwards from each commit's -U0 hunks.
#pragma once

#include <algorithm>
#include <vector>

#include "scanner/history/git_log.h"

namespace stepup {

constexpr int kLineMapEnd = 1 << 30;

/// A piecewise map from one version's line numbers to HEAD's: lines in
/// [begin, end) map to line + delta; lines in no segment are gone at HEAD.
struct LineMap {
  /// A version none of whose lines reach HEAD (a file re-created later).
  static LineMap none() {
    LineMap m;
    m.segments.clear();
    return m;
  }

  struct Segment {
    int begin, end, delta;
  };
  std::vector<Segment> segments{{1, kLineMapEnd, 0}};

  // HEAD ranges of lines [first, last] of this version: emit(b, e, exact).
  // Lines a later commit rewrote have no image of their own; they stand
  // for the HEAD lines that replaced them, between the surviving
  // neighbours (exact = false), so a function still counts the commit.
  template <typename F>
  void map_range(int first, int last, F&& emit) const {
    int prev_end_head = 0;  // HEAD line after the previous segment's last
    int cursor = first;
    for (const auto& s : segments) {
      if (s.begin > last) {
        if (cursor <= last) emit_gap(prev_end_head, s.begin + s.delta - 1, emit);
        return;
      }
      if (s.end <= first) {
        prev_end_head = s.end + s.delta;
        continue;
      }
      if (cursor < s.begin) emit_gap(prev_end_head, s.begin + s.delta - 1, emit);
      int b = std::max(first, s.begin), e = std::min(last + 1, s.end);
      if (b < e) emit(b + s.delta, e - 1 + s.delta, true);
      cursor = e;
      prev_end_head = s.end + s.delta;
    }
  }

  template <typename F>
  static void emit_gap(int lo, int hi, F&& emit) {
    if (lo < 1) lo = 1;
    if (hi >= lo) {
      emit(lo, hi, false);
    } else {
      emit(hi < 1 ? lo : hi, lo, false);  // lines deleted later: the seam
    }
  }

  // The map of the version before a commit, given the commit's hunks:
  // removed lines vanish, lines after a hunk shift by its size change.
  LineMap before(const std::vector<Hunk>& hunks) const {
    std::vector<Segment> pre_to_post;
    int cursor = 1, shift = 0;
    for (const Hunk& h : hunks) {  // git writes hunks in order
      int old_begin = h.old_count == 0 ? h.old_start + 1 : h.old_start;
      if (old_begin > cursor) pre_to_post.push_back({cursor, old_begin, shift});
      cursor = old_begin + h.old_count;
      shift += h.new_count - h.old_count;
    }
    pre_to_post.push_back({cursor, kLineMapEnd, shift});
    LineMap out;
    out.segments.clear();
    for (const auto& p : pre_to_post) {
      for (const auto& s : segments) {
        // Post lines [p.begin+p.delta, p.end+p.delta) meet s.
        long b = std::max<long>(p.begin, static_cast<long>(s.begin) - p.delta);
        long e = std::min<long>(p.end, static_cast<long>(s.end) - p.delta);
        if (b < e)
          out.segments.push_back({static_cast<int>(b), static_cast<int>(e), p.delta + s.delta});
      }
    }
    return out;
  }
};

}  // namespace stepup
