import Hummingbird
import Switchyard
