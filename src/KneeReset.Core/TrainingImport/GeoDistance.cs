namespace KneeReset.Core.TrainingImport;

/// <summary>Distance along a track of GPS positions, when the file gives no total of its own.</summary>
internal static class GeoDistance
{
    /// <summary>Mean Earth radius (IUGG), as the issue asks.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in km between two positions in degrees (haversine formula).</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        var phi1 = Radians(lat1);
        var phi2 = Radians(lat2);
        var sinHalfDeltaPhi = Math.Sin((phi2 - phi1) / 2);
        var sinHalfDeltaLambda = Math.Sin(Radians(lon2 - lon1) / 2);
        var a = (sinHalfDeltaPhi * sinHalfDeltaPhi) + (Math.Cos(phi1) * Math.Cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda);
        // Clamp: rounding can push a just past 1 for antipodal points, and Asin would give NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>Adds up a track point by point; a new segment starts without joining the last one (a pause in recording).</summary>
internal sealed class TrackLength
{
    private (double Lat, double Lon)? _last;

    public double Km { get; private set; }

    public bool HasPoints { get; private set; }

    public void StartSegment() => _last = null;

    public void Add(double lat, double lon)
    {
        if (_last is { } last)
        {
            Km += GeoDistance.HaversineKm(last.Lat, last.Lon, lat, lon);
        }
        _last = (lat, lon);
        HasPoints = true;
    }
}
