using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AfterSales.Platform.Data;

/// <summary>
/// One SQLite statement prepared once and run many times with values bound by position, straight on
/// the connection's handle (so inside its open transaction). Microsoft.Data.Sqlite looks every
/// parameter up by name, converting the name to UTF-8, on every execution: for a bulk write of a
/// hundred thousand rows of twenty-odd columns that was a large part of the write. Values are bound
/// exactly as Microsoft.Data.Sqlite binds them (integers, text, reals, blobs; instants as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF"), so the rows are the ones a parameterised command would write.
/// A failure (a unique key, a foreign key) throws the same <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    readonly sqlite3 _db;
    readonly sqlite3_stmt _statement;

    SqliteStatement(sqlite3 db, sqlite3_stmt statement) => (_db, _statement) = (db, statement);

    /// <summary>Prepares <paramref name="sql"/> (placeholders <c>?</c>) on the context's open SQLite connection.</summary>
    public static SqliteStatement Prepare(AppDbContext db, string sql)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open || db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Bulk statements run inside the context's open transaction.");
        var handle = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return new SqliteStatement(handle, statement);
    }

    /// <summary>Binds the value of the 0-based <paramref name="index"/>th placeholder.</summary>
    public void Bind(int index, object? value)
    {
        var i = index + 1;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, i),
            long v => raw.sqlite3_bind_int64(_statement, i, v),
            int v => raw.sqlite3_bind_int64(_statement, i, v),
            short v => raw.sqlite3_bind_int64(_statement, i, v),
            byte v => raw.sqlite3_bind_int64(_statement, i, v),
            bool v => raw.sqlite3_bind_int64(_statement, i, v ? 1 : 0),
            string v => raw.sqlite3_bind_text(_statement, i, v),
            double v => raw.sqlite3_bind_double(_statement, i, v),
            float v => raw.sqlite3_bind_double(_statement, i, v),
            byte[] v => raw.sqlite3_bind_blob(_statement, i, v),
            DateTime v => raw.sqlite3_bind_text(
                _statement,
                i,
                v.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)
            ),
            DateOnly v => raw.sqlite3_bind_text(_statement, i, v.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            decimal v => raw.sqlite3_bind_text(_statement, i, v.ToString("0.0###########################", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"A {value.GetType().Name} is not bound by bulk statements."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Runs the statement with the values bound and resets it for the next row: the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
                SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Steps to the next row of a query's result; false once there is none (the statement is then reset).</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
            return true;
        try
        {
            if (rc != raw.SQLITE_DONE)
                SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    /// <summary>An instant as the model stores it ("yyyy-MM-dd HH:mm:ss.FFFFFFF", UTC), or null.</summary>
    public DateTime? Instant(int column) =>
        IsNull(column)
            ? null
            : DateTime.ParseExact(
                Text(column),
                @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal
            );

    public void Dispose() => _statement.Dispose();
}
