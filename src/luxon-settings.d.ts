// B4: invalid DateTimes throw (Settings.throwOnInvalid = true at every entry point and in jest's setup), so the
// types say a DateTime is always valid.
import 'luxon';

declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}
