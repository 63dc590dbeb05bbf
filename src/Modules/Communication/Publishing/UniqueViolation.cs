using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Preau.Communication.Publishing;

/// <summary>Recognises the database refusing a duplicate (the last lock against concurrent submissions).</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>Whether the save failed on a unique index (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE).</summary>
    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        DbException other => other.SqlState == "23505",
        _ => false,
    };
}
