// B4: pin the host zone to an unusual one, so any accidental use of the host zone shows up as a failure.
module.exports = async () => {
  process.env.TZ = 'Pacific/Chatham';
};
