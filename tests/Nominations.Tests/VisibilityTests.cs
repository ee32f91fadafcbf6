using Nominations.Api.Domain;
using Nominations.Api.Grpc;
using Nominations.Tests.Support;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Nominations.Tests;

public class VisibilityTests
{
    private readonly Mechanism _m = new();

    public VisibilityTests()
    {
        _m.NominateAsync("KEN", NominationRole.FocalPoint, ScopeKind.OwnReview, "Amina Otieno", gender: Gender.Female).GetAwaiter().GetResult();
        _m.NominateAsync("KEN", NominationRole.GovernmentalExpert, ScopeKind.OwnReview, "Expert One").GetAwaiter().GetResult();
    }

    [Fact]
    public async Task ThePublicCountryProfileShowsGeneralInformationWithoutContactDetails()
    {
        var profile = await _m.Queries.GetCountryProfileAsync(Caller.Anonymous, "KEN", default);

        Assert.Equal(("KEN", "Kenya"), (profile.Party, profile.PartyName));
        var fp = Assert.Single(profile.FocalPoints);
        Assert.Equal(("Amina Otieno", "Director", "Ministry of Justice", NominationRole.FocalPoint), (fp.FullName, fp.Title, fp.Affiliation, fp.Role));
        Assert.Null(fp.Contact);
    }

    [Fact]
    public async Task RegisteredUsersSeeContactDetailsInTheCountryProfile()
    {
        var observerOfAnotherParty = Users.ActorOf(Users.With("obs-fr", MechanismRoles.Observer, "FRA"));

        var profile = await _m.Queries.GetCountryProfileAsync(observerOfAnotherParty, "KEN", default);

        Assert.Equal("amina.otieno@ken.example", Assert.Single(profile.FocalPoints).Contact!.Email);
    }

    [Fact]
    public async Task NgoRepresentativesAndPartnersSeeWhatThePublicSees()
    {
        foreach (var role in new[] { MechanismRoles.NgoRepresentative, MechanismRoles.Partner })
        {
            var profile = await _m.Queries.GetCountryProfileAsync(Users.ActorOf(Users.With("x", role)), "KEN", default);

            Assert.Null(Assert.Single(profile.FocalPoints).Contact);
        }
    }

    [Fact]
    public async Task AnEndedFocalPointLeavesTheCountryProfile()
    {
        var fp = _m.Repository.Get("KEN")!.ActiveFocalPoint(NominationScope.OwnReview)!;
        await _m.Workflow.WithdrawAsync(Mechanism.Secretariat, new("KEN", fp.Id.ToString(), "Left"), default);

        var profile = await _m.Queries.GetCountryProfileAsync(Caller.Anonymous, "KEN", default);

        Assert.Empty(profile.FocalPoints);
    }

    [Fact]
    public void TheProtoNominationCarriesContactDetailsOnlyForRegisteredViewers()
    {
        var expert = _m.Repository.Get("KEN")!.Nominations.Single(n => n.Role == NominationRole.GovernmentalExpert);

        var forPublic = ProtoMapper.Nomination(expert, Caller.Anonymous);
        var forNgo = ProtoMapper.Nomination(expert, Users.ActorOf(Users.With("ngo", MechanismRoles.NgoRepresentative)));
        var forExpert = ProtoMapper.Nomination(expert, Users.ActorOf(Users.With("ge", MechanismRoles.GovernmentalExpert, "BRA")));

        Assert.Null(forPublic.Contact);
        Assert.Null(forNgo.Contact);
        Assert.Equal(("expert.one@ken.example", "+254 20 000 0000"), (forExpert.Contact.Email, forExpert.Contact.Phone));
        Assert.Equal("Expert One", forPublic.FullName);
    }
}
