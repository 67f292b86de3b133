/**
 * Self-hosted helpdesks (RT, FreeScout, osTicket) run on hosts no pattern can list: detection is
 * path + DOM probe on any host, and these patterns only cover local installs in the manifest;
 * other hosts are granted at runtime when a team lead adds them.
 */
export const SELF_HOSTED_MATCHES = ['http://localhost/*', 'http://127.0.0.1/*'];
