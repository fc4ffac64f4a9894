#pragma once
/* The journal: every write goes here first.
 * Replayed on open. */
int x;
