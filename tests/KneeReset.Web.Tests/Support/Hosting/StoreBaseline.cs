using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KneeReset.Web.Tests;

/// <summary>
/// A started app's store as its start left it, kept beside it, and put back when the app is
/// handed to the next test class (<see cref="AppPool"/>): every table's rows and every key
/// counter, except the Data Protection keys, which the running app holds in memory and keeps
/// using (and the migration history, which never changes). The app's own connections stay open:
/// rows are replaced, the schema is untouched.
/// </summary>
public abstract class StoreBaseline
{
    /// <summary>The SQLite baseline's file: the store's own name with this after it (removed with the store).</summary>
    public const string BaselineSuffix = ".baseline";

    /// <summary>Tables the reset leaves alone.</summary>
    protected static readonly string[] Kept = ["__EFMigrationsHistory", "DataProtectionKeys"];

    public static StoreBaseline Capture(TestDatabase database) => database switch
    {
        SqliteTestDatabase sqlite => new SqliteBaseline(sqlite),
        PostgresTestDatabase postgres => new PostgresBaseline(postgres),
        _ => throw new InvalidOperationException($"No baseline for {database.GetType().Name}."),
    };

    /// <summary>Puts every row back as it was when the baseline was captured.</summary>
    public abstract void Restore();

    protected static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row, as text.</summary>
    protected static List<string> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>A copy of the file beside it (VACUUM INTO), attached and copied back table by table.</summary>
    private sealed class SqliteBaseline : StoreBaseline
    {
        private readonly SqliteTestDatabase _database;
        private readonly string _file;
        private readonly string _restore;

        public SqliteBaseline(SqliteTestDatabase database)
        {
            _database = database;
            _file = database.File + BaselineSuffix;
            using var connection = Open();
            Execute(connection, $"VACUUM INTO '{_file}'");
            var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                .Except(Kept, StringComparer.Ordinal);
            var kept = string.Join(", ", Kept.Select(name => $"'{name}'"));
            _restore = string.Concat(tables.Select(table => $"DELETE FROM main.\"{table}\"; INSERT INTO main.\"{table}\" SELECT * FROM baseline.\"{table}\";"))
                + $"DELETE FROM main.sqlite_sequence WHERE name NOT IN ({kept}); INSERT INTO main.sqlite_sequence SELECT * FROM baseline.sqlite_sequence WHERE name NOT IN ({kept});";
        }

        public override void Restore()
        {
            using var connection = Open();
            // Off for this connection only, outside any transaction (SQLite ignores it inside one): rows go back in any order.
            Execute(connection, $"PRAGMA foreign_keys = OFF; ATTACH DATABASE '{_file}' AS baseline;");
            using (var transaction = connection.BeginTransaction())
            {
                Execute(connection, _restore, transaction);
                transaction.Commit();
            }
            Execute(connection, "DETACH DATABASE baseline");
        }

        private SqliteConnection Open()
        {
            // Not pooled: a connection with foreign keys off must not be handed to anyone else.
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ToString());
            connection.Open();
            return connection;
        }
    }

    /// <summary>A copy of every table in a schema of its own in the same database, and the key counters' values.</summary>
    private sealed class PostgresBaseline : StoreBaseline
    {
        private const string Schema = "kneereset_baseline";
        private readonly PostgresTestDatabase _database;
        private readonly string _restore;

        public PostgresBaseline(PostgresTestDatabase database)
        {
            _database = database;
            using var connection = Open();
            var tables = Query(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .Except(Kept, StringComparer.Ordinal).ToList();
            var counters = Query(connection, "SELECT format('SELECT setval(%L, %s, %s);', quote_ident(schemaname) || '.' || quote_ident(sequencename), "
                + "COALESCE(last_value, 1), (last_value IS NOT NULL)::text) FROM pg_sequences WHERE schemaname = 'public' AND sequencename NOT ILIKE 'DataProtectionKeys%'");
            Execute(connection, $"CREATE SCHEMA {Schema};" + string.Concat(tables.Select(table => $"CREATE TABLE {Schema}.\"{table}\" AS TABLE public.\"{table}\";")));
            // Replica role: foreign keys are not checked while rows go and come back, in any order (the server's superuser may set it).
            // DELETE, not TRUNCATE: for a few rows about three times quicker (TRUNCATE makes every table's files anew).
            _restore = "SET LOCAL session_replication_role = replica;"
                + string.Concat(tables.Select(table => $"DELETE FROM public.\"{table}\";"))
                + string.Concat(tables.Select(table => $"INSERT INTO public.\"{table}\" OVERRIDING SYSTEM VALUE SELECT * FROM {Schema}.\"{table}\";"))
                + string.Concat(counters);
        }

        public override void Restore()
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            Execute(connection, _restore, transaction);
            transaction.Commit();
        }

        private NpgsqlConnection Open()
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            return connection;
        }
    }
}
