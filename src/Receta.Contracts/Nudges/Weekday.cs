namespace Receta.Contracts;

/// <summary>A day of the week as the API writes it: <c>mon</c> … <c>sun</c>.</summary>
public enum Weekday
{
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}
