using KneeReset.Web.Infrastructure;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Staff read saved fields in words, not as paths such as "steps[1].sets" (issue 27, item 8).</summary>
public class FieldNamesTests
{
    [Theory]
    [InlineData("title", "Title")]
    [InlineData("steps[1].sets", "Step 1 › Sets")]
    [InlineData("steps[12].holdSeconds", "Step 12 › Hold seconds")]
    [InlineData("commonMistakes[2]", "Common mistake 2")]
    [InlineData("whenToDo", "When to do")]
    public void A_field_path_reads_as_words(string path, string words) =>
        Assert.Equal(words, FieldNames.Describe(path));

    [Fact]
    public void A_revision_summary_names_each_field_and_keeps_created()
    {
        Assert.Equal("Title, Step 1 › Sets", FieldNames.DescribeList("title, steps[1].sets"));
        Assert.Equal("Created", FieldNames.DescribeList("created"));
    }
}
