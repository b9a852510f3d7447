namespace KneeReset.Web.Data;

public enum PublishStatus
{
    Draft,
    Published,
    Archived,
}
