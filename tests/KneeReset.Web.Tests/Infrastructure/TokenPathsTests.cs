using KneeReset.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace KneeReset.Web.Tests.Infrastructure;

/// <summary>Which paths carry a token, and how the log masks it: the token segment only, whatever the case.</summary>
public sealed class TokenPathsTests
{
    [Theory]
    [InlineData("/r/OLpJbXY1zo0g5HDfxJUyPxvT", "/r/***")]
    [InlineData("/r/OLpJbXY1zo0g5HDfxJUyPxvT/fhir", "/r/***/fhir")]
    [InlineData("/m/abc/delete", "/m/***/delete")]
    [InlineData("/m/abc/calendar.ics", "/m/***/calendar.ics")]
    [InlineData("/api/assessments/abc", "/api/assessments/***")]
    [InlineData("/assess/abc/step/3", "/assess/***/step/3")]
    [InlineData("/sessions/abc", "/sessions/***")]
    [InlineData("/R/abc", "/R/***")]
    [InlineData("/API/Assessments/abc/fhir", "/API/Assessments/***/fhir")]
    [InlineData("/m/abc/sessions/def", "/m/***/sessions/***")]
    [InlineData("/api/manage/abc/recovery", "/api/manage/***/recovery")]
    [InlineData("/api/manage/abc/sessions/def", "/api/manage/***/sessions/***")]
    [InlineData("/api/manage/abc/sessions", "/api/manage/***/sessions")]
    [InlineData("/api/manage/abc/runs/12", "/api/manage/***/runs/12")]
    [InlineData("/api/manage/abc/self-tests", "/api/manage/***/self-tests")]
    [InlineData("/m/abc/running", "/m/***/running")]
    [InlineData("/m/abc/running/recorded", "/m/***/running/recorded")]
    public void A_token_segment_is_masked(string path, string masked)
    {
        Assert.True(TokenPaths.IsTokenPath(new PathString(path)));
        Assert.Equal(masked, TokenPaths.Mask(path));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/routines")]
    [InlineData("/routines/tendon-loading")]
    [InlineData("/r")]
    [InlineData("/r/")]
    [InlineData("/r//fhir")]
    [InlineData("/assess")]
    [InlineData("/assessments/abc")]
    [InlineData("/api/assessments")]
    [InlineData("/api/routines/abc")]
    [InlineData("/staff/r/abc")]
    public void Other_paths_are_left_as_they_are(string path)
    {
        Assert.False(TokenPaths.IsTokenPath(new PathString(path)));
        Assert.Same(path, TokenPaths.Mask(path));
    }

    [Fact]
    public void No_path_is_no_token() => Assert.False(TokenPaths.IsTokenPath(PathString.Empty));
}
