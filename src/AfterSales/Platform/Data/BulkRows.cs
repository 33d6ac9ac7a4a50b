using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Platform.Data;

/// <summary>
/// Many rows at a time, for background work that writes thousands of rows a pass (penalty
/// accrual): INSERTs, and UPDATEs of chosen columns by key. SQL and parameters come from the EF
/// model (column names, value conversions, the provider's parameter types), so the rows are exactly
/// what SaveChanges would write, at a fraction of its per-row cost. On PostgreSQL many rows go in
/// one statement (one round trip); on SQLite, in process, one prepared statement is re-run per row
/// (binding thousands of named parameters to one SQLite statement takes time quadratic in their
/// number), its values bound by position (<see cref="SqliteStatement"/>) through accessors compiled
/// once per column (<see cref="StoreValues"/>). Runs on the context's open transaction; entities are not tracked, and neither the
/// audit trail nor the append-only check sees these writes, so callers use it only for new rows of
/// append-only tables and for columns no person edits.
/// </summary>
internal static class BulkRows
{
    const int MaxParameters = 16_000;

    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = Entity<T>(db);
        var key = entity.FindPrimaryKey()!.Properties;
        var generated = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
        var columns = entity.GetProperties().Where(p => p != generated).ToArray();
        var head =
            $"INSERT INTO {Quote(entity.GetTableName()!)} ({string.Join(", ", columns.Select(c => Quote(c.GetColumnName())))}) VALUES ";
        if (db.Database.IsSqlite())
        {
            EachRow(db, rows, head + "(" + Positional(columns.Length) + ")", columns, _ => { });
            return;
        }
        foreach (var chunk in rows.Chunk(MaxParameters / columns.Length))
        {
            await using var command = Command(db);
            var values = chunk.Select((row, r) => "(" + Placeholders(r * columns.Length, columns.Length) + ")");
            Bind(command, chunk.SelectMany(row => columns.Select(c => (c, (object)row))));
            SetText(command, head + string.Join(", ", values));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Sets <paramref name="properties"/> of each row, found by its single-column key, to the row's current values.</summary>
    public static async Task UpdateAsync<T>(AppDbContext db, IReadOnlyList<T> rows, IReadOnlyList<string> properties, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = Entity<T>(db);
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var set = properties
            .Select(p => entity.FindProperty(p) ?? throw new ArgumentException($"{typeof(T).Name}.{p} is not mapped."))
            .ToArray();
        var (table, id) = (Quote(entity.GetTableName()!), Quote(key.GetColumnName()));
        void Check(int changed, int expected)
        {
            if (changed != expected)
                throw new DbUpdateConcurrencyException($"{changed} of {expected} {typeof(T).Name} rows were updated.");
        }
        if (db.Database.IsSqlite())
        {
            var assignments = string.Join(", ", set.Select(s => $"{Quote(s.GetColumnName())} = ?"));
            EachRow(db, rows, $"UPDATE {table} SET {assignments} WHERE {id} = ?", [.. set, key], n => Check(n, 1));
            return;
        }
        foreach (var chunk in rows.Chunk(MaxParameters / (set.Length + 1)))
        {
            // One CASE per column: each row's key picks its value. Keys are @p0…@pN-1, then the values column by column.
            await using var command = Command(db);
            Bind(command, chunk.Select(row => (key, (object)row)).Concat(set.SelectMany(s => chunk.Select(row => (s, (object)row)))));
            var sql = new StringBuilder($"UPDATE {table} SET ");
            for (var s = 0; s < set.Length; s++)
            {
                sql.Append(s == 0 ? "" : ", ").Append(Quote(set[s].GetColumnName())).Append(" = CASE ").Append(id);
                for (var r = 0; r < chunk.Length; r++)
                    sql.Append(CultureInfo.InvariantCulture, $" WHEN @p{r} THEN @p{(s + 1) * chunk.Length + r}");
                sql.Append(" END");
            }
            sql.Append(" WHERE ").Append(id).Append(" IN (").Append(Placeholders(0, chunk.Length)).Append(')');
            SetText(command, sql.ToString());
            Check(await command.ExecuteNonQueryAsync(ct), chunk.Length);
        }
    }

    /// <summary>One statement prepared once and re-run with each row's values (SQLite).</summary>
    static void EachRow<T>(AppDbContext db, IReadOnlyList<T> rows, string sql, IProperty[] order, Action<int> check)
        where T : class
    {
        var values = order.Select(StoreValues.Reader).ToArray();
        using var statement = SqliteStatement.Prepare(db, sql);
        foreach (var row in rows)
        {
            for (var i = 0; i < values.Length; i++)
                statement.Bind(i, values[i](row));
            check(statement.Execute());
        }
    }

    /// <summary>Parameters @p0, @p1… made by each property's mapping: typed (a NULL too), converted for the store as SaveChanges would.</summary>
    static void Bind(DbCommand command, IEnumerable<(IProperty Property, object Row)> values)
    {
        foreach (var (property, row) in values)
        {
            var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            var value = property.GetGetter().GetClrValue(row);
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
        }
    }

    static string Positional(int count) => string.Join(", ", Enumerable.Repeat("?", count));

    static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));

    static IEntityType Entity<T>(AppDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");

    static DbCommand Command(AppDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction =
            db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside a transaction.");
        return command;
    }

    // Table and column names come from the EF model and every value is a parameter.
#pragma warning disable CA2100
    static void SetText(DbCommand command, string sql) => command.CommandText = sql;
#pragma warning restore CA2100

    static string Quote(string name) => '"' + name + '"';
}
