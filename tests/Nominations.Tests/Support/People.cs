using Nominations.Api.Domain;
using Nominations.Api.Domain.Validation;

namespace Nominations.Tests.Support;

/// <summary>People to nominate.</summary>
public static class People
{
    public static PersonDetails Details(string name, string email, Gender gender = Gender.NotInformed) =>
        new(name, "Director", gender, email, "+254 20 000 0000", "Ministry of Justice");

    public static PersonInput Input(string name, string email, Gender? gender = Gender.NotInformed, string? phone = "+254 20 000 0000") =>
        new(name, "Director", gender, email, phone, "Ministry of Justice");
}
