#!/usr/bin/perl
# Creates (or repairs) the CI agent: a privileged user in a "Support" group that holds staff
# rights on the General queue; lets anyone mail the queue. Idempotent. Run as www-data by setup.sh
# with RT_AGENT_USER and RT_AGENT_PASSWORD in the environment.
use strict;
use warnings;
use RT;

RT::LoadConfig();
RT::Init();

my $name = $ENV{RT_AGENT_USER} or die "RT_AGENT_USER is not set\n";
my $password = $ENV{RT_AGENT_PASSWORD} or die "RT_AGENT_PASSWORD is not set\n";
my $system = RT->SystemUser;

sub check {
    my ($what, $ok, $message) = @_;
    die "$what: $message\n" unless $ok;
}

my $user = RT::User->new($system);
$user->Load($name);
if (!$user->id) {
    check("create user $name", $user->Create(
        Name         => $name,
        RealName     => 'Alex Agent',
        EmailAddress => "$name\@" . RT->Config->Get('rtname'),
        Password     => $password,
        Privileged   => 1,
    ));
} else {
    check("privilege $name", $user->SetPrivileged(1)) unless $user->Privileged;
    check("password of $name", $user->SetPassword($password)) unless $user->IsPassword($password);
}

my $group = RT::Group->new($system);
$group->LoadUserDefinedGroup('Support');
if (!$group->id) {
    check('create group Support', $group->CreateUserDefinedGroup(
        Name        => 'Support',
        Description => 'Agents (Tactful CI)',
    ));
}
if (!$group->HasMember($user->PrincipalObj)) {
    check("add $name to Support", $group->AddMember($user->PrincipalId));
}

my $queue = RT::Queue->new($system);
$queue->Load('General');
die "queue General not found\n" unless $queue->id;

sub grant {
    my ($principal, $label, @rights) = @_;
    for my $right (@rights) {
        next if $principal->HasRight(Right => $right, Object => $queue);
        check("grant $right to $label", $principal->GrantRight(Right => $right, Object => $queue));
    }
}

grant($group->PrincipalObj, 'Support', qw(
    SeeQueue ShowTicket ShowTicketComments CreateTicket ReplyToTicket CommentOnTicket
    OwnTicket TakeTicket StealTicket ModifyTicket Watch WatchAsAdminCc
    ShowOutgoingEmail SeeCustomField ModifyCustomField
));

# The mail gateway creates customers as unprivileged users: they need to open and answer tickets.
my $everyone = RT::Group->new($system);
$everyone->LoadSystemInternalGroup('Everyone');
grant($everyone->PrincipalObj, 'Everyone', qw(CreateTicket ReplyToTicket));

print "RT agent '$name' (user #", $user->id, ") in group Support (#", $group->id, ") with rights on General\n";
