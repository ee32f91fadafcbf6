namespace Reviews.Api.Domain.Drawing;

/// <summary>Reviews a party already conducts in the group, outside what a redraw changes.</summary>
public sealed record ReviewerLoad(string Iso3, int Reviews);
