using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KneeReset.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A subclass only so EF Core keeps a second migrations set
/// (Data/Migrations/Postgres), as its guide to migrations with multiple providers does; the app
/// still asks for <see cref="KneeResetDbContext"/> everywhere.
/// </summary>
public sealed class PostgresKneeResetDbContext(DbContextOptions<PostgresKneeResetDbContext> options) : KneeResetDbContext(options);

/// <summary>
/// For `dotnet ef migrations add X --context PostgresKneeResetDbContext --output-dir Data/Migrations/Postgres`:
/// adding a migration needs the model, not a server. (Each provider has a factory, so the tools never
/// mistake one context for the other.)
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKneeResetDbContext>
{
    public PostgresKneeResetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKneeResetDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("KNEERESET_DESIGN_POSTGRES") ?? "Host=localhost;Database=kneereset_design")
            .Options);
}

/// <summary>For `dotnet ef migrations add X --context KneeResetDbContext --output-dir Data/Migrations` (SQLite).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<KneeResetDbContext>
{
    public KneeResetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KneeResetDbContext>().UseSqlite(StoreSetup.DefaultConnectionString).Options);
}
