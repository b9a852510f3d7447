using KneeReset.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KneeReset.Web.Tests.Data;

/// <summary>
/// SQLite and PostgreSQL keep one model with a migrations set each (Data/Migrations and
/// Data/Migrations/Postgres). These fail when a model change got a migration for one provider
/// only, or when the two sets drift apart. Column types may differ; names, keys and indexes may not.
/// None needs a server: building a model and reading migrations is offline.
/// </summary>
public class ProviderModelTests
{
    [Fact]
    public void Both_providers_have_the_same_tables_columns_keys_and_indexes()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        Assert.Equal(Describe(sqlite.GetService<IDesignTimeModel>().Model), Describe(postgres.GetService<IDesignTimeModel>().Model));
    }

    [Fact]
    public void Both_migration_sets_end_in_the_same_model()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        Assert.Equal(Describe(Snapshot(sqlite)), Describe(Snapshot(postgres)));
    }

    [Fact]
    public void The_sqlite_migrations_cover_the_model()
    {
        using var db = Sqlite();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add NAME --context KneeResetDbContext --output-dir Data/Migrations");
    }

    [Fact]
    public void The_postgres_migrations_cover_the_model()
    {
        using var db = Postgres();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: dotnet ef migrations add NAME --context PostgresKneeResetDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Each_provider_reads_only_its_own_migrations()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.Empty(sqliteMigrations.Intersect(postgresMigrations));
    }

    /// <summary>The model as the provider's last migration left it.</summary>
    private static IModel Snapshot(KneeResetDbContext db) =>
        db.GetService<IModelRuntimeInitializer>().Initialize(db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model);

    /// <summary>The model as lines of text that name every table, column, key, index and relationship, without column types.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            lines.Add($"table {entity.GetTableName()} for {entity.Name}");
            // No CLR or column types: a snapshot stores a list of strings as the provider keeps it (JSON text, text[]).
            lines.AddRange(entity.GetProperties().Select(p =>
                $"  column {p.GetColumnName(table)}{(p.IsNullable ? " null" : "")}, max {p.GetMaxLength()}, "
                + $"{(p.IsConcurrencyToken ? "concurrency token, " : "")}generated {p.ValueGenerated}"));
            lines.AddRange(entity.GetKeys().Select(k => $"  key {k.GetName()} ({string.Join(", ", k.Properties.Select(p => p.Name))})"));
            lines.AddRange(entity.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} ({string.Join(", ", i.Properties.Select(p => p.Name))}){(i.IsUnique ? " unique" : "")}"));
            lines.AddRange(entity.GetForeignKeys().Select(f =>
                $"  foreign key {f.GetConstraintName()} ({string.Join(", ", f.Properties.Select(p => p.Name))}) to {f.PrincipalEntityType.Name}, on delete {f.DeleteBehavior}"));
        }
        return lines;
    }

    private static KneeResetDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<KneeResetDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static PostgresKneeResetDbContext Postgres() =>
        new(new DbContextOptionsBuilder<PostgresKneeResetDbContext>().UseNpgsql("Host=127.0.0.1;Database=model_only").Options);
}
