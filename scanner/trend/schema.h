// The history store's tables (docs/trend.md): the current schema's DDL and
// the in-place migrations from each older version, as an explicit table.
#pragma once

#include <cstdint>

namespace stepup {

/// The schema version this stepup writes (SQLite's `PRAGMA user_version`).
constexpr int kTrendSchemaVersion = 2;

/// `PRAGMA application_id` of a stepup history database ("STUP" in ASCII):
/// tells it from another program's SQLite file.
constexpr int32_t kTrendApplicationId = 0x53545550;

/// The statements that create the current schema in an empty database
/// (user_version and application_id are set by the caller).
extern const char* const kTrendSchema;

/// One in-place migration: the statements that take a file from version
/// `from` to `from + 1`. Run in the writer's transaction.
struct TrendMigration {
  int from;
  const char* sql;
};

/// Every migration, oldest first; kTrendMigrations[i].from == i + 1.
extern const TrendMigration kTrendMigrations[];
extern const int kTrendMigrationCount;

}  // namespace stepup
