namespace KneeReset.Web.Tests;

/// <summary>The test collection whose classes share one <see cref="KneeResetFactory"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<KneeResetFactory>
{
    public const string Name = "shared app";
}
