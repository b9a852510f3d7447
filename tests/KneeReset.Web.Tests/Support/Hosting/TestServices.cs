namespace KneeReset.Web.Tests;

/// <summary>
/// The services the suite may run against, from environment variables that .ci/services.sh sets
/// (`source .ci/services.sh; start_test_services` does the same in a developer's shell):
/// KNEERESET_TEST_PROVIDER (Sqlite, the default, or Postgres) picks every app's store,
/// KNEERESET_TEST_POSTGRES is a connection string to a server whose user may create databases,
/// KNEERESET_TEST_REDIS is Redis's host:port.
/// </summary>
public static class TestServices
{
    public const string ProviderVariable = "KNEERESET_TEST_PROVIDER";
    public const string PostgresVariable = "KNEERESET_TEST_POSTGRES";
    public const string RedisVariable = "KNEERESET_TEST_REDIS";

    /// <summary>"Postgres" or "Sqlite": the provider every app under test uses.</summary>
    public static string Provider =>
        string.Equals(Variable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";

    public static string? Postgres => Variable(PostgresVariable);

    public static string? Redis => Variable(RedisVariable);

    /// <summary>Under CI (CI=true) a test that needs a service runs and fails without it, never skips.</summary>
    public static bool UnderCi => string.Equals(Variable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string RequirePostgres() => Postgres
        ?? throw new InvalidOperationException($"{PostgresVariable} is not set: `source .ci/services.sh; start_test_services` starts a PostgreSQL and sets it.");

    /// <summary>Why a test that needs PostgreSQL (and Redis) cannot run here, or null when it can (under CI it always must).</summary>
    public static string? Missing(bool redis) =>
        (Postgres is not null && (!redis || Redis is not null)) || UnderCi ? null
        : $"needs PostgreSQL{(redis ? " and Redis" : "")}: set {PostgresVariable}{(redis ? $" and {RedisVariable}" : "")} "
            + "(`source .ci/services.sh; start_test_services` does); .ci/run always runs it.";

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>A test that needs a PostgreSQL server: skipped with the reason without one, always run under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestServices.Missing(redis: false);
}

/// <summary>A test that needs PostgreSQL and Redis, as several instances do; see <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute() => Skip = TestServices.Missing(redis: true);
}

/// <summary>A test that runs a command-line tool (sqlite3): skipped with the reason where it is not installed, always run under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool) =>
        Skip = TestServices.UnderCi || OnPath(tool) ? null : $"needs {tool} (apt-get install -y {tool}); .ci/run installs it.";

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, tool)));
}

/// <summary>A test of the SQLite store's own settings: the suite's PostgreSQL run skips it (the SQLite run covers it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute() => Skip = TestServices.Provider == "Sqlite" ? null : "a SQLite setting; this run's apps use PostgreSQL";
}
